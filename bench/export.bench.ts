/**
 * Export benchmark: a year of 10,000 milestones over 100 workstreams (and a previous year to
 * compare with) in a temporary database, then each format's median time and peak memory. Each
 * measured run is a fresh child process that exports once to warm up (module loading, font
 * parsing, statement cache) and once timed, so the peak resident memory the kernel records for
 * it (process.resourceUsage().maxRSS) is what two exports of that format need, not garbage left
 * by earlier runs; the heap is sampled too. The figures are the median time and the highest peak.
 *
 *   npm run bench:export
 *
 * Settings: BENCH_RUNS (5), BENCH_MILESTONES (10000), BENCH_WORKSTREAMS (100), BENCH_FORMATS
 * (a comma list, default all), BENCH_KEEP_DATABASE=1 to keep the generated database.
 *
 * Targets (issue 4): PDF and DOCX under 3 s; XLSX, CSV and JSON under 1 s; memory under 500 MB.
 * The Arabic PDF (names and titles in English, as no translations are loaded here) is held to
 * the same targets.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDb, getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import { prepareDatabase } from "@/db/setup";
import { parsePartialDate, periodOf, todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { renderReport } from "@/lib/reports/export";
import { REPORT_FORMATS, type ReportFormat, type ReportLang } from "@/lib/reports/options";
import { buildReportData } from "@/lib/reports/report-data";
import { WORDS_EN, WORDS_ZH } from "./synthetic";

const YEAR = 2030;
const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 10_000);
const WORKSTREAMS = Number(process.env.BENCH_WORKSTREAMS ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS: Record<ReportFormat, number> = { pdf: 3000, docx: 3000, xlsx: 1000, csv: 1000, json: 1000 };
const TARGET_MB = 500;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function generate(): void {
  const db = getDb();
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const bodyCodes = db
    .select({ code: bodies.code })
    .from(bodies)
    .all()
    .map((row) => row.code);
  const perStream = Math.ceil(MILESTONES / WORKSTREAMS);
  db.transaction((tx) => {
    let made = 0;
    for (let w = 0; w < WORKSTREAMS; w++) {
      const stream = tx
        .insert(workstreams)
        .values({
          slug: `bench-workstream-${w + 1}`,
          nameEn: `Bench workstream ${w + 1}: ${pick(WORDS_EN)} ${pick(WORDS_EN)} and ${pick(WORDS_EN)}`,
          nameZh: `基准工作流 ${w + 1}：${pick(WORDS_ZH)}${pick(WORDS_ZH)}和${pick(WORDS_ZH)}`,
          bodyCode: pick(bodyCodes),
          leads: next() < 0.5 ? ["UNDP", "UNICEF"] : [],
          summaryEn: `A generated workstream that ${pick(WORDS_EN)}s the ${pick(WORDS_EN)} of the ${pick(WORDS_EN)} across the system.`,
          summaryZh: `生成的工作流，涉及全系统的${pick(WORDS_ZH)}和${pick(WORDS_ZH)}。`,
          paragraphs: [1 + (w % 80), 2 + (w % 80)],
          position: 100 + w,
        })
        .returning({ id: workstreams.id })
        .get();
      // The report year, and a fifth as many in the year before for the comparison.
      const count = Math.min(perStream, MILESTONES - made);
      for (let m = 0; m < count + Math.floor(count / 5); m++) {
        const year = m < count ? YEAR : YEAR - 1;
        const precision = next();
        const month = 1 + Math.floor(next() * 12);
        const value =
          precision < 0.6
            ? String(year)
            : precision < 0.9
              ? `${year}-${String(month).padStart(2, "0")}`
              : `${year}-${String(month).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
        const date = parsePartialDate(value)!;
        const period = periodOf(date);
        const status = pick(MILESTONE_STATUSES);
        const created = tx
          .insert(milestones)
          .values({
            workstreamId: stream.id,
            seedKey: `bench-${w}-${m}`,
            titleEn: `${pick(WORDS_EN)} ${pick(WORDS_EN)} ${pick(WORDS_EN)} for the ${pick(WORDS_EN)} ${pick(WORDS_EN)} (${w + 1}.${m + 1})`,
            titleZh: `${pick(WORDS_ZH)}${pick(WORDS_ZH)}${pick(WORDS_ZH)}（${w + 1}.${m + 1}）`,
            date: date.value,
            datePrecision: date.precision,
            periodStart: period.start,
            periodEnd: period.end,
            year,
            status,
            completedOn: status === "completed" ? date.value : null,
            completedPrecision: status === "completed" ? date.precision : null,
            completedPeriodEnd: status === "completed" ? period.end : null,
            sourceParagraph: 1 + Math.floor(next() * 83),
            sourceFootnote: next() < 0.3 ? 1 + Math.floor(next() * 41) : null,
            quoteZh: `${pick(WORDS_ZH)}${pick(WORDS_ZH)}${pick(WORDS_ZH)}${pick(WORDS_ZH)}`,
            evidence:
              next() < 0.4
                ? [
                    { kind: "symbol", value: `CEB/${year}/${1 + (m % 3)}` },
                    { kind: "url", value: `https://example.org/${w + 1}/${m + 1}` },
                  ]
                : [],
          })
          .returning({ id: milestones.id })
          .get();
        tx.insert(statusHistory).values({ milestoneId: created.id, fromStatus: null, toStatus: "planned", actor: "bench", note: "created" }).run();
        if (status !== "planned") {
          tx.insert(statusHistory)
            .values({ milestoneId: created.id, fromStatus: "planned", toStatus: status, actor: "bench", note: `Reported in the ${pick(WORDS_EN)} review` })
            .run();
        }
        if (year === YEAR) made++;
      }
    }
  });
}

type ChildResult = { time: number; bytes: number; maxRssMb: number; peakHeapMb: number };

async function child(format: ReportFormat, lang: ReportLang): Promise<void> {
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const timer = setInterval(sample, 5);
  const today = todayIso();
  let time = 0;
  let bytes = 0;
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    const data = await buildReportData(YEAR, { lang }, today);
    const rendered = await renderReport(data, format);
    sample();
    time = performance.now() - start;
    bytes = rendered.body.length;
  }
  clearInterval(timer);
  closeDb();
  const result: ChildResult = { time, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 };
  process.send?.(result);
}

function runChild(format: ReportFormat, lang: ReportLang): Promise<ChildResult> {
  return new Promise<ChildResult>((resolve, reject) => {
    const worker = fork(process.argv[1]!, ["--child", format, lang], { env: process.env, execArgv: process.execArgv });
    worker.on("message", (message) => resolve(message as ChildResult));
    worker.on("error", reject);
    worker.on("exit", (code) => code && reject(new Error(`${format} ${lang} exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-export-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
  closeDb();
  const started = performance.now();
  prepareDatabase(getDb());
  generate();
  const counts = getDb().$client.prepare("select count(*) n, count(distinct workstream_id) w from milestones where year = ?").get(YEAR) as {
    n: number;
    w: number;
  };
  closeDb();
  console.log(
    `Export benchmark: ${counts.n} milestones of ${YEAR} over ${counts.w} workstreams (generated in ${((performance.now() - started) / 1000).toFixed(1)} s); median of ${RUNS} runs, each in a fresh process after a warm-up export; time = report data + rendering\n`,
  );
  console.log(
    `${"format".padEnd(10)} ${"median (ms)".padStart(12)} ${"target".padStart(8)} ${"size".padStart(10)} ${"peak RSS (MB)".padStart(14)} ${"peak heap (MB)".padStart(15)}  result`,
  );
  const only = process.env.BENCH_FORMATS?.split(",");
  // Chinese and Arabic PDFs too: CJK glyphs, and Arabic shaped word by word and laid out right to left.
  const cases: [ReportFormat, ReportLang][] = [
    ...REPORT_FORMATS.map((format) => [format, "en"] as [ReportFormat, ReportLang]),
    ["pdf", "zh"],
    ["docx", "zh"],
    ["pdf", "ar"],
  ];
  let failed = 0;
  for (const [format, lang] of cases.filter(([format]) => !only || only.includes(format))) {
    const results: ChildResult[] = [];
    for (let run = 0; run < RUNS; run++) results.push(await runChild(format, lang));
    const result = {
      times: results.map((r) => r.time),
      bytes: results[0]!.bytes,
      maxRssMb: Math.max(...results.map((r) => r.maxRssMb)),
      peakHeapMb: Math.max(...results.map((r) => r.peakHeapMb)),
    };
    const ms = median(result.times);
    const ok = ms < TARGET_MS[format] && result.maxRssMb < TARGET_MB;
    if (!ok) failed++;
    console.log(
      `${`${format} (${lang})`.padEnd(10)} ${ms.toFixed(0).padStart(12)} ${`<${TARGET_MS[format]}`.padStart(8)} ${`${(result.bytes / 2 ** 20).toFixed(1)} MB`.padStart(10)} ${result.maxRssMb.toFixed(0).padStart(14)} ${result.peakHeapMb.toFixed(0).padStart(15)}  ${ok ? "ok" : "OVER TARGET"}`,
    );
  }
  if (process.env.BENCH_KEEP_DATABASE) console.log(`\nDatabase kept at ${process.env.DATABASE_PATH}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `\nTimes include building the report data (SQL aggregates and rows). Peak RSS is the whole process (Node, modules, fonts, data) at its highest over the runs; target < ${TARGET_MB} MB.`,
  );
  if (failed) process.exitCode = 1;
}

const childIndex = process.argv.indexOf("--child");
const run = childIndex >= 0 ? child(process.argv[childIndex + 1] as ReportFormat, process.argv[childIndex + 2] as ReportLang) : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
