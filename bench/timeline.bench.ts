/**
 * The roadmap at scale, measured in Chromium with the Performance API (a benchmark, not a test):
 * first render, zoom and pan re-renders, DOM size, the largest JSON answer, and the read API's
 * latency at 20 connections beside the static floor. Needs a built app (`npx next build`); serves it on 127.0.0.1 against
 * a synthetic database (created once with the synthetic-data generator).
 *
 *   npm run bench:timeline -- [--db /tmp/ceb-100k.sqlite] [--milestones 100000] [--workstreams 1000] [--port 3560] [--screenshots] [--connections 20] [--seconds 8] [--loads 5] [--api-only]
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { parseArgs } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { loadTest } from "./http-load";
import { createSyntheticDatabase } from "./synthetic";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "/tmp/ceb-100k.sqlite" },
    milestones: { type: "string", default: "100000" },
    workstreams: { type: "string", default: "1000" },
    port: { type: "string", default: "3560" },
    screenshots: { type: "boolean", default: false },
    connections: { type: "string", default: "20" },
    seconds: { type: "string", default: "8" },
    /** Only the read API's figures, without Chromium. */
    "api-only": { type: "boolean", default: false },
    /** First visits per language and width; the first-render figures are their medians. */
    loads: { type: "string", default: "5" },
  },
});
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const SCREENSHOTS = "e2e/.artifacts/screenshots";

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const round = (n: number) => Math.round(n * 10) / 10;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not start");
}

/** Time from an action to the next painted frame, in the page's own clock. */
async function timeAction(page: Page, selector: string): Promise<number> {
  return page.evaluate(async (target) => {
    const button = document.querySelector<HTMLElement>(target)!;
    const started = performance.now();
    button.click();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - started;
  }, selector);
}

/**
 * Installed before the page's own scripts: records, on the page's clock, when the first bar is in
 * the document (the roadmap's bar on wide screens, the month list's item on phones) and, with the
 * Element Timing API, when the first bar label is painted. Read by `firstRenderOf`. A string, so
 * the page runs it as written (the TypeScript loader wraps functions in helpers the page lacks).
 */
const RECORD_FIRST_BARS = `(() => {
  const marks = {};
  window.cebFirstBars = marks;
  const observer = new MutationObserver(() => {
    if (marks.barInDom === undefined && document.querySelector('[data-testid="timeline-item"]')) marks.barInDom = performance.now();
    if (marks.listItemInDom === undefined && document.querySelector('[data-testid="timeline-list"] [data-testid="timeline-item"]')) marks.listItemInDom = performance.now();
    if (marks.barInDom !== undefined && marks.listItemInDom !== undefined) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === "roadmap-bar" && marks.barPainted === undefined) marks.barPainted = entry.renderTime || entry.startTime;
    }
  }).observe({ type: "element", buffered: true });
})();`;

type FirstRender = { barsPaintedMs: number | null; barsInDomMs: number | null; listInDomMs: number | null; fcpMs: number | null; responseEndMs: number };

/** One first visit: a fresh context (no cache), the roadmap loaded until its first bars are there. */
async function firstRenderOf(
  browser: Browser,
  locale: string,
  width: number,
  phone: boolean,
): Promise<{ page: Page; context: BrowserContext; first: FirstRender; sizes: { url: string; bytes: number }[] }> {
  const context = await browser.newContext({ viewport: { width, height: phone ? 844 : 1000 } });
  await context.addInitScript(RECORD_FIRST_BARS);
  // The size of every read API answer the visit receives.
  const sizes: { url: string; bytes: number }[] = [];
  context.on("response", async (response) => {
    if (!response.url().includes("/api/timeline")) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    sizes.push({ url: response.url().replace(base, ""), bytes: body.length });
  });
  const page = await context.newPage();
  await page.goto(`${base}/${locale}/timeline`, { waitUntil: "commit", timeout: 180_000 });
  await page.waitForSelector(phone ? '[data-testid="timeline-list"] [data-testid="timeline-item"]' : '[data-testid="timeline-item"]', { timeout: 60_000 });
  // Element Timing reports a paint a frame later: give it one before reading.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  const first = await page.evaluate(() => {
    const marks = (window as unknown as { cebFirstBars: Record<string, number | undefined> }).cebFirstBars;
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return {
      barsPaintedMs: marks.barPainted ?? null,
      barsInDomMs: marks.barInDom ?? null,
      listInDomMs: marks.listItemInDom ?? null,
      fcpMs: paint?.startTime ?? null,
      responseEndMs: navigation.responseEnd,
    };
  });
  return { page, context, first, sizes };
}

const medianOf = (values: (number | null)[]) => {
  const known = values.filter((value): value is number => value !== null);
  return known.length ? round(median(known)) : null;
};

async function browserFigures(locale: string, width: number, loads: number) {
  const browser = await chromium.launch({
    executablePath: fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  const phone = width < 640;
  try {
    const firsts: FirstRender[] = [];
    for (let i = 0; i < loads - 1; i++) {
      const visit = await firstRenderOf(browser, locale, width, phone);
      firsts.push(visit.first);
      await visit.context.close();
    }
    // The last visit goes on: its answers, screenshot, re-renders and DOM are measured.
    const visit = await firstRenderOf(browser, locale, width, phone);
    firsts.push(visit.first);
    const { page, sizes } = visit;
    await page.waitForLoadState("networkidle");
    // The screenshot shows the window the page opens on.
    if (values.screenshots) {
      // On a phone the filters fill the first screen: the list is shown from its toolbar down.
      if (phone) await page.locator('[data-testid="timeline"]').evaluate((element) => element.scrollIntoView({ block: "start" }));
      else {
        // The portfolio chart draws when it comes near the screen: bring it there, then back to the top.
        await page.locator(".portfolio").scrollIntoViewIfNeeded();
        await page.locator(".portfolio .recharts-surface").first().waitFor({ timeout: 30_000 });
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      await page.screenshot({ path: `${SCREENSHOTS}/timeline-100k-${width}-${locale}.png`, fullPage: !phone });
    }
    const rerenders: Record<string, number[]> = { pan: [], zoom: [] };
    if (width >= 640) {
      for (let i = 0; i < 6; i++) {
        rerenders.pan!.push(await timeAction(page, '[data-testid="pan-later"]'));
        await page.waitForTimeout(150);
      }
      for (let i = 0; i < 3; i++) {
        rerenders.pan!.push(await timeAction(page, '[data-testid="pan-earlier"]'));
        await page.waitForTimeout(150);
      }
      for (const zoom of ["quarter", "five-years", "year"]) {
        rerenders.zoom!.push(await timeAction(page, `[data-zoom="${zoom}"]`));
        await page.waitForTimeout(400);
      }
      // Scroll the lanes: rows in view change, the DOM stays small.
      await page.locator('[data-testid="roadmap-viewport"]').evaluate((element) => element.scrollTo(0, element.scrollHeight / 2));
      await page.waitForTimeout(800);
    }
    await page.waitForLoadState("networkidle");
    const dom = await page.evaluate(() => document.getElementsByTagName("*").length);
    const bars = await page.locator('[data-testid="timeline-item"]').count();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const largest = sizes.sort((a, b) => b.bytes - a.bytes)[0];
    return {
      locale,
      width,
      // Medians of `loads` first visits, each in a fresh context.
      firstRender: {
        loads,
        barsPaintedMs: medianOf(firsts.map((first) => first.barsPaintedMs)),
        barsInDomMs: medianOf(firsts.map((first) => first.barsInDomMs)),
        listInDomMs: medianOf(firsts.map((first) => first.listInDomMs)),
        fcpMs: medianOf(firsts.map((first) => first.fcpMs)),
        responseEndMs: medianOf(firsts.map((first) => first.responseEndMs)),
        each: firsts.map((first) => first.barsPaintedMs ?? first.listInDomMs),
      },
      rerenderMs: {
        panMedian: rerenders.pan!.length ? round(median(rerenders.pan!)) : null,
        panMax: rerenders.pan!.length ? round(Math.max(...rerenders.pan!)) : null,
        zoom: rerenders.zoom!.map(round),
      },
      domElements: dom,
      barsInDom: bars,
      pageScrollWidth: scrollWidth,
      apiResponses: sizes.length,
      largestJson: largest ? { bytes: largest.bytes, url: largest.url } : null,
    };
  } finally {
    await browser.close();
  }
}

/**
 * A status change written as the commands write it (the milestone's row and a history entry), by
 * another connection, as a second server or a script would: the next read must take it in.
 * A late milestone is finished today, so its bar stretches to today and may have to change rows.
 */
function writeLateCompletion(file: string): number {
  const db = new Database(file);
  try {
    const today = new Date().toISOString().slice(0, 10);
    const row = db
      .prepare("select id, status from milestones where removed_at is null and status in ('planned', 'in_progress') and period_end < ? order by id limit 1")
      .get(today) as { id: number; status: string };
    const now = new Date().toISOString();
    db.transaction(() => {
      db.prepare("update milestones set status = 'completed', completed_on = ?, version = version + 1, updated_at = ? where id = ?").run(
        today.slice(0, 7),
        now,
        row.id,
      );
      db.prepare(
        "insert into status_history (milestone_id, from_status, to_status, kind, actor, evidence, changed_at) values (?, ?, 'completed', 'status', 'Benchmark', '[]', ?)",
      ).run(row.id, row.status, now);
    })();
    return row.id;
  } finally {
    db.close();
  }
}

/**
 * Bounded load on the read API with autocannon (as `npm run bench:http`), `seconds` per run at
 * `connections`: first the static floor (a file under /_next/static, which only the server's
 * plumbing answers), then four neighbouring windows, as managers panning the same view, then a
 * new window on every request, so that none is answered from the response cache and each one
 * slices the packing.
 */
async function apiFigures(connections: number, seconds: number, totalRows: number) {
  const chunk = fs.readdirSync(".next/static/chunks").find((name) => name.endsWith(".js"));
  const neighbours = [
    "/api/timeline?from=2025-07-01&to=2025-12-31&offset=0&limit=50",
    "/api/timeline?from=2026-01-01&to=2026-06-30&offset=0&limit=50",
    "/api/timeline?from=2026-01-01&to=2026-06-30&offset=50&limit=50",
    "/api/timeline?from=2024-01-01&to=2026-06-30&offset=100&limit=50",
  ];
  const offsets = Math.max(1, totalRows - 50);
  const distinct = (n: number) => {
    const shift = Math.floor(n / offsets);
    const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date + shift)).toISOString().slice(0, 10);
    return `/api/timeline?from=${day(2024, 0, 1)}&to=${day(2026, 5, 30)}&offset=${(n * 37) % offsets}&limit=50`;
  };
  const runs: [string, string, ((n: number) => string) | undefined][] = [
    ["static file (the floor)", `/_next/static/chunks/${chunk}`, undefined],
    ["four neighbouring windows", neighbours[0]!, (n) => neighbours[n % neighbours.length]!],
    ["a new window each request", distinct(0), distinct],
  ];
  const figures = [];
  for (const [name, first, pathAt] of runs) {
    let n = 1;
    const result = await loadTest({ url: `${base}${first}`, connections, seconds, pathFor: pathAt ? () => pathAt(n++) : undefined });
    figures.push({
      name,
      connections,
      seconds,
      requests: result.requests,
      errors: result.errors,
      p50Ms: round(result.p50),
      p95Ms: round(result.p95),
      p99Ms: round(result.p99),
      perSecond: round(result.reqPerSec),
    });
  }
  const floor = figures[0]!;
  return figures.map((figure) => ({ ...figure, p95ToFloor: round(figure.p95Ms / Math.max(floor.p95Ms, 0.1)) }));
}

async function main() {
  if (!fs.existsSync(values.db)) {
    console.error(`Creating ${values.db} …`);
    console.error(createSyntheticDatabase(values.db, { workstreams: Number(values.workstreams), milestones: Number(values.milestones) }));
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const server: ChildProcess = spawn(process.execPath, ["scripts/next-start.mjs"], {
    env: { ...process.env, HOSTNAME: "127.0.0.1", DATABASE_PATH: values.db, PUBLIC_READ: "1", DEMO: "0", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  try {
    await waitForServer();
    // The first read packs every lane of the portfolio into rows; later reads (the page's too) slice the cache.
    let started = performance.now();
    const frame = await (await fetch(`${base}/api/timeline/lanes`)).text();
    const coldPackMs = round(performance.now() - started);
    await (await fetch(`${base}/en/timeline`)).text();
    started = performance.now();
    await (await fetch(`${base}/api/timeline/lanes?lang=fr`)).text();
    const warmLanesMs = round(performance.now() - started);
    const summary = JSON.parse(frame) as { lanes: unknown[]; totalRows: number };
    // A write, then the next read: the packing takes the change in place instead of packing again.
    const changedId = writeLateCompletion(values.db);
    started = performance.now();
    await (await fetch(`${base}/api/timeline/lanes`)).text();
    const afterWriteMs = round(performance.now() - started);
    const results = {
      database: values.db,
      lanes: summary.lanes.length,
      rows: summary.totalRows,
      lanesJsonBytes: frame.length,
      coldPackMs,
      warmLanesMs,
      afterWrite: { milestone: changedId, lanesMs: afterWriteMs },
      browser: [] as unknown[],
      api: [] as unknown[],
    };
    for (const [locale, width] of [
      ["en", 1400],
      ["ar", 1400],
      ["en", 390],
      ["ar", 390],
    ] as const)
      if (!values["api-only"]) results.browser.push(await browserFigures(locale, width, Number(values.loads)));
    results.api = await apiFigures(Number(values.connections), Number(values.seconds), summary.totalRows);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
