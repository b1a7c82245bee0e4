/**
 * Reads a report and prints what it would propose to the tracker that DATABASE_PATH names;
 * changes nothing (a new file there is migrated, never seeded: an empty tracker).
 *
 *   npm run ingest -- --file PATH --symbol E/2023/50 --lang zh|en --year 2022 [--json]
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb } from "@/db";
import { migrateCurrentDatabase } from "@/db/start";
import { ingestText } from "@/lib/ingest";
import { extractText, formatOf } from "@/lib/ingest/extract";
import { trackedWorkstreams } from "@/lib/queries/ingest";
import { ingestUploadSchema } from "@/lib/validation/ingest";

const USAGE = "Usage: npm run ingest -- --file PATH --symbol SYMBOL --lang zh|en --year YYYY [--json]";

async function main() {
  const { values } = parseArgs({
    options: {
      file: { type: "string" },
      symbol: { type: "string" },
      lang: { type: "string" },
      year: { type: "string" },
      json: { type: "boolean", default: false },
    },
  });
  if (!values.file) throw new Error(USAGE);
  const parsed = ingestUploadSchema.safeParse({ symbol: values.symbol, lang: values.lang, year: values.year, filename: path.basename(values.file) });
  if (!parsed.success)
    throw new Error(`${USAGE}\n${parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message.replace(/^\u0001reason:/, "")}`).join("\n")}`);
  const format = formatOf(values.file);
  if (!format) throw new Error("The file must be .pdf, .docx or .txt.");
  const text = await extractText(new Uint8Array(fs.readFileSync(values.file)), format);
  // Migrating is not a change of content: it makes a new file an empty tracker.
  await migrateCurrentDatabase();
  const { read, proposals } = ingestText(text, await trackedWorkstreams(), { symbol: parsed.data.symbol, lang: parsed.data.lang, year: parsed.data.year });
  await closeDb();

  if (values.json) {
    process.stdout.write(`${JSON.stringify(proposals, null, 2)}\n`);
    return;
  }
  console.log(
    `${parsed.data.symbol} (${parsed.data.lang}): ${read.paragraphs.length} paragraphs, ${read.footnotes.size} footnotes, ${proposals.length} proposals`,
  );
  for (const p of proposals) {
    const where = p.paragraph === null ? "—" : `para. ${p.paragraph}${p.footnote ? ` fn. ${p.footnote}` : ""}`;
    const target = p.workstream ?? (p.proposedWorkstream ? `new: ${p.proposedWorkstream.name}` : "—");
    const change = p.kind === "status-change" ? `${p.fromStatus} → ${p.status}` : (p.status ?? "");
    console.log(`[${p.kind}] ${where} | ${target} | ${p.date ?? ""} (${p.datePrecision ?? "-"}) ${change} | conf ${p.confidence}`);
    if (p.quote) console.log(`    «${p.quote}»`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
