/**
 * The yearly report's PDF engine (issue 14): today's engine (lib/reports: our own layout on
 * pdfkit) against printing the report page itself with Chromium (Playwright's page.pdf()), for
 * the report of 2021 as seeded from E/2022/13, in the six languages.
 *
 *   npm run build && npm run bench:pdf-engine
 *
 * The script serves the built app (`next start`, PUBLIC_READ=1) on BENCH_PORT (3990) over a
 * fresh database in a temporary folder, which the server migrates and seeds on start; both
 * engines read that database.
 *
 * - pdfkit: each measured run is a fresh Node process that renders once to warm up (modules,
 *   fonts) and once timed, as bench/export.bench.ts does; time = report data + layout + PDF,
 *   memory = that process's peak RSS (what the server process needs on top of itself).
 * - Chromium: one browser for all runs (a server would keep one); each run opens a new page,
 *   loads /<lang>/reports/2021 until the network is idle and the fonts are ready, and prints it.
 *   "cold" is one run that includes launching the browser. Memory = the peak, sampled every
 *   50 ms, of the browser's process tree (Rss and Pss summed from /proc/<pid>/smaps_rollup), and
 *   the Next server's tree, which renders the page (its peak RSS during the runs).
 *
 * Pages come from `pdfinfo` (poppler-utils). The PDFs are kept in BENCH_OUT (a temporary folder
 * by default) to be looked at: `pdftoppm -r 80 -png -f 1 -l 2 <file> <prefix>`.
 *
 * Settings: BENCH_RUNS (5), BENCH_LANGS (a comma list, default all six), BENCH_PORT (3990),
 * BENCH_OUT, CHROMIUM_PATH (else /usr/bin/chromium, else Playwright's own).
 */
import { execFileSync, fork, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser } from "@playwright/test";
import { closeDb } from "@/db";
import { todayIso } from "@/lib/domain/partial-date";
import { renderReport } from "@/lib/reports/export";
import { REPORT_LANGS, type ReportLang } from "@/lib/reports/options";
import { buildReportData } from "@/lib/reports/report-data";
import { storedTranslations } from "@/lib/reports/stored-translations";

const YEAR = 2021;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const BASE = `http://127.0.0.1:${PORT}`;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// ---- pdfkit, in a child process per run ----

type ChildResult = { time: number; cpu: number; bytes: number; maxRssMb: number; file: string };

async function child(lang: ReportLang, file: string): Promise<void> {
  let time = 0;
  let cpu = 0;
  let body: Buffer | Uint8Array = Buffer.alloc(0);
  for (let run = 0; run < 2; run++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const data = await buildReportData(YEAR, { lang }, todayIso(), await storedTranslations(lang));
    body = (await renderReport(data, "pdf")).body as Buffer;
    time = performance.now() - start;
    const used = process.cpuUsage(startCpu);
    cpu = (used.user + used.system) / 1000;
  }
  closeDb();
  fs.writeFileSync(file, body);
  const result: ChildResult = { time, cpu, bytes: body.length, maxRssMb: process.resourceUsage().maxRSS / 1024, file };
  process.send?.(result);
}

function runChild(lang: ReportLang, file: string): Promise<ChildResult> {
  return new Promise<ChildResult>((resolve, reject) => {
    const worker = fork(process.argv[1]!, ["--child", lang, file], { env: process.env, execArgv: process.execArgv });
    worker.on("message", (message) => resolve(message as ChildResult));
    worker.on("error", reject);
    worker.on("exit", (code) => code && reject(new Error(`pdfkit ${lang} exited with ${code}`)));
  });
}

// ---- memory of a process tree, from /proc ----

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

function treeMemoryMb(root: number): { rss: number; pss: number } {
  let rss = 0;
  let pss = 0;
  for (const pid of descendants(root)) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return { rss: rss / 1024, pss: pss / 1024 };
}

/** CPU time (ms) a process tree has used, its reaped children's included (renderers closed with their page). */
function treeCpuMs(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime: fields 14-17 of proc(5), 12-15 after the name.
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // The process ended while we looked.
    }
  }
  return (ticks * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** Samples a tree's memory every 50 ms until stopped; returns the peaks. */
function sampler(root: () => number | undefined) {
  const peak = { rss: 0, pss: 0 };
  const timer = setInterval(() => {
    const pid = root();
    if (!pid) return;
    const now = treeMemoryMb(pid);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  }, 50);
  return { peak, stop: () => clearInterval(timer) };
}

// ---- the app's server ----

async function startServer(database: string): Promise<ChildProcess> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No built app in .next: run `npm run build` first.");
  const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_PATH: database, PUBLIC_READ: "1", DEMO: "0", PORT: String(PORT) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let waited = 0; waited < 120_000; waited += 500) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill();
  throw new Error(`The app did not answer on ${BASE}/api/health`);
}

function chromiumExecutable(): string | undefined {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
}

const launch = () =>
  chromium.launch({
    executablePath: chromiumExecutable(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });

async function printPage(browser: Browser, lang: ReportLang, file: string): Promise<number> {
  const start = performance.now();
  const page = await browser.newPage();
  await page.goto(`${BASE}/${lang}/reports/${YEAR}`, { waitUntil: "networkidle" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const time = performance.now() - start;
  fs.writeFileSync(file, pdf);
  return time;
}

const pagesOf = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? NaN);

type Row = { engine: string; lang: ReportLang; ms: number; cpuMs: number; coldMs?: number; memory: string; bytes: number; pages: number };

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-pdf-"));
  const out = process.env.BENCH_OUT ?? path.join(dir, "pdf");
  fs.mkdirSync(out, { recursive: true });
  const database = path.join(dir, "bench.sqlite");
  const langs = (process.env.BENCH_LANGS?.split(",") as ReportLang[] | undefined) ?? [...REPORT_LANGS];
  const rows: Row[] = [];

  const server = await startServer(database);
  try {
    // Both engines read the database the server seeded.
    process.env.DATABASE_PATH = database;
    console.log(`PDF engine benchmark: the report of ${YEAR} (E/2022/13 as seeded), median of ${RUNS} runs; PDFs in ${out}\n`);

    for (const lang of langs) {
      const results: ChildResult[] = [];
      for (let run = 0; run < RUNS; run++) results.push(await runChild(lang, path.join(out, `pdfkit-${lang}.pdf`)));
      const file = results[0]!.file;
      rows.push({
        engine: "pdfkit",
        lang,
        ms: median(results.map((r) => r.time)),
        cpuMs: median(results.map((r) => r.cpu)),
        memory: `${Math.max(...results.map((r) => r.maxRssMb)).toFixed(0)} (Node process)`,
        bytes: fs.statSync(file).size,
        pages: pagesOf(file),
      });
    }

    let browser: Browser | undefined;
    let chromiumPid: number | undefined;
    for (const lang of langs) {
      const file = path.join(out, `chromium-${lang}.pdf`);
      // Cold: launching the browser is part of this one document.
      const coldStart = performance.now();
      const cold = await launch();
      await printPage(cold, lang, file);
      await cold.close();
      const coldMs = performance.now() - coldStart;

      browser = await launch();
      chromiumPid = descendants(process.pid).find((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("chrom");
        } catch {
          return false;
        }
      });
      const chromeMemory = sampler(() => chromiumPid);
      const serverMemory = sampler(() => server.pid);
      const times: number[] = [];
      const cpus: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const before = treeCpuMs(chromiumPid!) + treeCpuMs(server.pid!);
        times.push(await printPage(browser, lang, file));
        cpus.push(treeCpuMs(chromiumPid!) + treeCpuMs(server.pid!) - before);
      }
      chromeMemory.stop();
      serverMemory.stop();
      await browser.close();
      browser = undefined;
      rows.push({
        engine: "chromium",
        lang,
        ms: median(times),
        cpuMs: median(cpus),
        coldMs,
        memory: `${chromeMemory.peak.pss.toFixed(0)} Pss / ${chromeMemory.peak.rss.toFixed(0)} Rss (browser) + ${serverMemory.peak.rss.toFixed(0)} (Next server)`,
        bytes: fs.statSync(file).size,
        pages: pagesOf(file),
      });
    }
  } finally {
    server.kill("SIGTERM");
    closeDb();
  }

  console.log(
    `${"engine".padEnd(9)} ${"lang".padEnd(4)} ${"median ms".padStart(10)} ${"CPU ms".padStart(7)} ${"cold ms".padStart(8)} ${"size KB".padStart(8)} ${"pages".padStart(5)}  peak memory (MB)`,
  );
  for (const row of rows) {
    console.log(
      `${row.engine.padEnd(9)} ${row.lang.padEnd(4)} ${row.ms.toFixed(0).padStart(10)} ${row.cpuMs.toFixed(0).padStart(7)} ${(row.coldMs?.toFixed(0) ?? "-").padStart(8)} ${(row.bytes / 1024).toFixed(0).padStart(8)} ${String(row.pages).padStart(5)}  ${row.memory}`,
    );
  }
  console.log(
    "\npdfkit: time = report data + layout + PDF in a warmed Node process; memory = its peak RSS. Chromium: time = new page, load the report page (server render, hydration, charts, fonts) and print; cold adds the browser's launch; the server's RSS is the whole Next process. CPU ms = CPU time used (all cores; for Chromium, the browser's tree and the Next server's), the figure to trust when the machine is shared and the wall-clock median waits for other work.",
  );
  if (!process.env.BENCH_OUT) console.log(`\nPDFs kept in ${out}; delete ${dir} when done.`);
}

const childIndex = process.argv.indexOf("--child");
const run = childIndex >= 0 ? child(process.argv[childIndex + 1] as ReportLang, process.argv[childIndex + 2]!) : main();
run.catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
