/**
 * Line-breaking benchmark for the report's PDF: every `PdfText.wrap()` call the yearly report
 * makes (titles, paragraphs, table cells, captions), recorded while the PDF is rendered once and
 * then replayed on fresh `PdfText`s, so the figure is line breaking and measuring alone. The
 * report is the year 2021 of a synthetic database holding about BENCH_MILESTONES milestones in
 * that year (ten times as many over its ten years, see synthetic.ts), in English, Chinese and
 * Arabic. Also prints the whole PDF's render time for scale.
 *
 *   npx tsx --conditions=react-server bench/pdf-wrap.bench.ts
 *
 * Settings: BENCH_RUNS (5), BENCH_MILESTONES (10000), BENCH_LANGS (en,zh,ar).
 *
 * With `--lines FILE` it writes instead the lines of the seed report (2021, six languages) as
 * JSON, one array of lines per wrap() call, to compare two versions of the line breaker.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDb } from "@/db";
import { LOCALES } from "@/i18n/locales";
import { renderReport } from "@/lib/reports/export";
import type { ReportLang } from "@/lib/reports/options";
import { buildReportData } from "@/lib/reports/report-data";
import { loadPdfKit, registerReportFonts } from "@/lib/reports/render/pdf";
import { type Line, PdfText, type Span } from "@/lib/reports/render/pdf-text";
import { storedTranslations } from "@/lib/reports/stored-translations";
import { createSyntheticDatabase } from "./synthetic";

const YEAR = 2021;
const TODAY = "2026-05-01";
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 10_000);
const LANGS = (process.env.BENCH_LANGS ?? "en,zh,ar").split(",") as ReportLang[];

type Call = { spans: Span[]; width: number; lines: Line[] };

/** Renders the report's PDF once, recording each wrap() call; returns the calls and the render time. */
async function record(lang: ReportLang): Promise<{ calls: Call[]; renderMs: number }> {
  const calls: Call[] = [];
  const wrap = PdfText.prototype.wrap;
  PdfText.prototype.wrap = function (this: PdfText, spans: Span[], width: number) {
    const lines = wrap.call(this, spans, width);
    calls.push({ spans, width, lines });
    return lines;
  };
  try {
    const data = await buildReportData(YEAR, { lang }, TODAY, await storedTranslations(lang));
    const start = performance.now();
    await renderReport(data, "pdf");
    return { calls, renderMs: performance.now() - start };
  } finally {
    PdfText.prototype.wrap = wrap;
  }
}

/** Replays the calls on a new PdfText (empty caches, as for each document); returns wall and CPU ms. */
function replay(calls: Call[], lang: ReportLang): { ms: number; cpuMs: number } {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({ autoFirstPage: false });
  registerReportFonts(doc);
  const text = new PdfText(doc, lang === "ar" ? "rtl" : "ltr", lang === "zh");
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const call of calls) text.wrap(call.spans, call.width);
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function syntheticDatabase(milestones: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-wrap-"));
  process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
  closeDb();
  createSyntheticDatabase(process.env.DATABASE_PATH, { workstreams: milestones ? 100 : 0, milestones: milestones * 10 });
  return dir;
}

async function bench(): Promise<void> {
  const dir = syntheticDatabase(MILESTONES);
  try {
    console.log(`wrap() over the ${YEAR} report of a synthetic database (~${MILESTONES} milestones that year); median of ${RUNS} replays\n`);
    console.log(`${"lang".padEnd(5)} ${"calls".padStart(7)} ${"lines".padStart(7)} ${"wrap ms".padStart(8)} ${"CPU ms".padStart(7)} ${"PDF ms".padStart(7)}`);
    for (const lang of LANGS) {
      const { calls, renderMs } = await record(lang);
      replay(calls, lang); // warm-up: JIT, fonts parsed
      const runs = Array.from({ length: RUNS }, () => replay(calls, lang));
      const lines = calls.reduce((sum, call) => sum + call.lines.length, 0);
      console.log(
        `${lang.padEnd(5)} ${String(calls.length).padStart(7)} ${String(lines).padStart(7)} ${median(runs.map((r) => r.ms))
          .toFixed(0)
          .padStart(8)} ${median(runs.map((r) => r.cpuMs))
          .toFixed(0)
          .padStart(7)} ${renderMs.toFixed(0).padStart(7)}`,
      );
    }
    console.log(
      "\nwrap ms: all the report's wrap() calls on a fresh PdfText (measuring included); PDF ms: one whole render (data built beforehand), for scale.",
    );
  } finally {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function dumpLines(file: string): Promise<void> {
  const dir = syntheticDatabase(0);
  try {
    const out: Record<string, string[][]> = {};
    for (const lang of LOCALES) {
      const { calls } = await record(lang);
      out[lang] = calls.map((call) => call.lines.map((line) => line.pieces.map((piece) => piece.text).join("")));
    }
    fs.writeFileSync(file, JSON.stringify(out, null, 1));
    console.log(`Lines of the seed report written to ${file}`);
  } finally {
    closeDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const linesIndex = process.argv.indexOf("--lines");
(linesIndex >= 0 ? dumpLines(process.argv[linesIndex + 1]!) : bench()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
