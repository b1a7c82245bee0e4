/**
 * Ingestion benchmark (issue 15): reads the Chinese text of E/2022/13 kept in the repository,
 * proposes against an empty tracker and scores the proposals against the curated seed — recall
 * (curated milestones matched one-to-one by a proposal of the same paragraph and date
 * precision), precision (milestone proposals so matched), verbatim quotes, dates no more
 * precise than their words, and the time taken.
 *
 *   npm run bench:ingest            (exits 1 when a target is missed)
 *
 * Targets: recall ≥ 80 %, precision ≥ 50 %, every quote verbatim, no date too precise, < 10 s.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { reportSeed } from "@/db/seed/report-e-2022-13";
import { SOURCE_TEXT_PATH } from "@/db/seed/source-text";
import { scoreProposals } from "@/lib/ingest/benchmark";
import { ingestText } from "@/lib/ingest";
import { parsePartialDate } from "@/lib/domain/partial-date";

const started = performance.now();
const raw = fs.readFileSync(SOURCE_TEXT_PATH, "utf8");
const { read, proposals } = ingestText(raw, [], { symbol: reportSeed.document.symbol, lang: "zh", year: 2021 });
const seconds = (performance.now() - started) / 1000;

const curated = reportSeed.workstreams.flatMap((ws) =>
  ws.milestones.map((m) => ({
    key: `${ws.slug}/${m.key}`,
    paragraph: m.paragraph,
    date: m.date,
    precision: parsePartialDate(m.date)!.precision,
    quote: m.quote,
  })),
);
const result = scoreProposals(proposals, curated, read, raw);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const byKind = new Map<string, number>();
for (const p of proposals) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
const kinds = [...byKind].map(([kind, n]) => `${kind} ${n}`).join(", ");

console.log(`E/2022/13 (zh): ${read.paragraphs.length} paragraphs, ${read.footnotes.size} footnotes; proposals: ${kinds}`);
console.log(`recall     ${pct(result.recall)}  (${result.matched}/${result.curated} curated milestones; ${result.sameDate} with the same date)  target ≥ 80 %`);
console.log(`precision  ${pct(result.precision)}  (${result.matched}/${result.proposed} milestone proposals)  target ≥ 50 %`);
console.log(`verbatim   ${result.notVerbatim.length} quotes not verbatim  target 0`);
console.log(`precision of dates: ${result.tooPrecise.length} dates more precise than their words  target 0`);
console.log(`time       ${seconds.toFixed(2)} s  target < 10 s`);
if (result.misses.length) {
  console.log(`misses (${result.misses.length}):`);
  for (const m of result.misses) console.log(`  para. ${m.paragraph}  ${m.date} (${m.precision})  ${m.key}  «${m.quote}»`);
}
for (const p of result.notVerbatim) console.log(`  not verbatim: para. ${p.paragraph} «${p.quote}»`);
for (const p of result.tooPrecise) console.log(`  too precise: para. ${p.paragraph} ${p.date} from «${p.dateText}»`);
const ok = result.recall >= 0.8 && result.precision >= 0.5 && !result.notVerbatim.length && !result.tooPrecise.length && seconds < 10;
console.log(ok ? "all targets met" : "TARGETS MISSED");
process.exitCode = ok ? 0 : 1;
