/**
 * HTTP benchmark (issue 9): the production build (`next start`) on synthetic databases of
 * 1,000 / 10,000 / 100,000 milestones (10 / 100 / 1,000 workstreams), loaded with autocannon at
 * 1 and 20 connections, with reading public (PUBLIC_READ=1) and with a session cookie per
 * client (PUBLIC_READ=0). In the same run: the static floor (a file under /_next/static), PATCH
 * throughput from 20 token clients (every 200 checked against the history), the server's peak
 * resident memory, the overview's first-load JavaScript (gzipped), each route as a ratio to the
 * floor and how each figure grows from size to size. JSON goes to bench/results/ (ignored).
 *
 * Every GET asks for compression as browsers do (Accept-Encoding: gzip, deflate, br), so each
 * route's size is given twice: its HTML (or JSON) and what crosses the wire. `--identity` asks
 * for none, to measure the uncompressed path. (The PATCH run reads each answer's version, so it
 * asks for none.)
 *
 * `--db postgres` runs the same on PostgreSQL: a throwaway cluster (fsync off, as the output says),
 * each synthetic database copied into it with db:copy's checked copy, and two app processes on it
 * behind one port (bench/next-cluster.mjs: node:cluster hands connections out round-robin). Memory
 * is then the two app processes' sum and, apart, the PostgreSQL server's; CPU per request counts
 * both, since on SQLite the database works inside the app process.
 *
 *   npm run bench:http                 # build once, all three sizes (about 20 minutes)
 *   npm run bench:http -- --quick      # 10,000 milestones only, short runs (under 4 minutes)
 *   npm run bench:http -- --db postgres --no-build --sizes 10000,100000
 *   options: --sizes 1000,10000 --seconds 5 --modes 1,0 --no-build --port 3400 --identity --db sqlite|postgres
 *
 * Loads 127.0.0.1 only; every run is bounded in time and the server is stopped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import pg from "pg";
import { closeDb, getDb } from "@/db";
import { copySqliteToPostgres, openSqliteSource } from "@/db/copy";
import { databasePoolSize, migratePostgres, openPostgres } from "@/db/postgres";
import { startCluster, stopCluster, urlWithDatabase } from "../tests/setup/postgres-cluster";
import { createSyntheticDatabase } from "./synthetic";
import {
  fetchOnce,
  fmtBytes,
  type LoadResult,
  loadTest,
  markdownTable,
  type PatchClient,
  patchLoad,
  type RouteFigures,
  treeCpuMs,
  treePssKb,
  treeRssKb,
  watchRss,
} from "./http-load";

/** What a route needs to know about the database it runs on. */
export type BenchContext = { slug: string; year: number; staticPath: string; /** The roadmap's rows, from its lanes API. */ timelineRows: number };

/**
 * `path` is the route's one address; a route with `pathAt` asks for another address on each
 * request (the n-th request gets `pathAt(context, n)`), so none is answered from the response cache.
 */
export type RouteSpec = {
  name: string;
  path: (context: BenchContext) => string;
  pathAt?: (context: BenchContext, request: number) => string;
  floor?: boolean;
  page?: boolean;
};

/** The roadmap's windows as managers pan one view: four neighbours, kept by the response cache once asked for twice. */
const NEIGHBOURING_WINDOWS = [
  "/api/timeline?from=2025-07-01&to=2025-12-31&offset=0&limit=50",
  "/api/timeline?from=2026-01-01&to=2026-06-30&offset=0&limit=50",
  "/api/timeline?from=2026-01-01&to=2026-06-30&offset=50&limit=50",
  "/api/timeline?from=2024-01-01&to=2026-06-30&offset=100&limit=50",
];

/**
 * A window no request asked for before: 50 rows from a different offset each time, over two and
 * a half years; once every offset is used, the window moves on by a day.
 */
function distinctWindow(context: BenchContext, request: number): string {
  const offsets = Math.max(1, context.timelineRows - 50);
  const from = new Date(Date.UTC(2024, 0, 1 + Math.floor(request / offsets))).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(2026, 5, 30 + Math.floor(request / offsets))).toISOString().slice(0, 10);
  return `/api/timeline?from=${from}&to=${to}&offset=${(request * 37) % offsets}&limit=50`;
}

/**
 * Every route measured, in table order. Add a route here (e.g. the timeline's JSON API,
 * `/api/timeline?...`) and every size, mode and table picks it up.
 */
export const ROUTES: RouteSpec[] = [
  { name: "static file (the floor)", path: (c) => c.staticPath, floor: true },
  { name: "`/en` overview", path: () => "/en", page: true },
  { name: "`/en/timeline`", path: () => "/en/timeline", page: true },
  { name: "`/en/workstreams/{slug}`", path: (c) => `/en/workstreams/${c.slug}`, page: true },
  { name: "`/en/reports/2021`", path: (c) => `/en/reports/${c.year}`, page: true },
  { name: "`GET /api/milestones?year=2021&status=completed`", path: (c) => `/api/milestones?year=${c.year}&status=completed` },
  { name: "`GET /api/workstreams`", path: () => "/api/workstreams" },
  {
    name: "`GET /api/timeline`, four neighbouring windows",
    path: () => NEIGHBOURING_WINDOWS[0]!,
    pathAt: (_c, request) => NEIGHBOURING_WINDOWS[request % NEIGHBOURING_WINDOWS.length]!,
  },
  { name: "`GET /api/timeline`, a new window each request", path: (c) => distinctWindow(c, 0), pathAt: distinctWindow },
];

export const CLIENTS = 20;
/** What browsers send. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br";
const PASSWORD = "bench password, not for production";
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

/** Two app processes on PostgreSQL: enough to show what a second one costs and gives on two cores. */
const POSTGRES_APP_PROCESSES = 2;
/** What the benchmark cluster adds to the test cluster's settings (fsync, synchronous_commit and full_page_writes off). */
const POSTGRES_SETTINGS = ["shared_buffers = 256MB", "effective_cache_size = 1GB"];

/**
 * The database a size runs on: the synthetic SQLite file, or (with `url`) the PostgreSQL
 * database it was copied into, which the servers and every read of the benchmark then use.
 */
type Target = { file: string; url?: string };

type Accounts = { cookies: string[]; patchClients: PatchClient[] };

/** Rows of one query on the target's database, on a connection of its own; `?` marks a parameter. */
async function readRows<T>(target: Target, query: string, parameters: unknown[] = []): Promise<T[]> {
  if (!target.url) {
    const db = new Database(target.file, { readonly: true });
    try {
      return db.prepare(query).all(...parameters) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    let n = 0;
    return (
      await client.query(
        query.replace(/\?/g, () => `$${++n}`),
        parameters,
      )
    ).rows as T[];
  } finally {
    await client.end();
  }
}

/** A PostgreSQL server for the run: the test helper's throwaway cluster, tuned for load. */
type PostgresServer = { adminUrl: string; dataDir: string; stateDir: string; pid: number; version: string };

async function startPostgres(): Promise<PostgresServer> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-pg-"));
  const { adminUrl, dataDir } = startCluster(stateDir, POSTGRES_SETTINGS);
  const pid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const [row] = await readRows<{ server_version: string }>({ file: "", url: adminUrl }, "show server_version");
  return { adminUrl, dataDir, stateDir, pid, version: row!.server_version };
}

function stopPostgres(server: PostgresServer): void {
  stopCluster(server.dataDir);
  fs.rmSync(server.stateDir, { recursive: true, force: true });
}

/** A new database holding the SQLite file's rows: migrated, copied and checked by db:copy's copy, then analyzed. */
async function copyIntoPostgres(server: PostgresServer, file: string, name: string): Promise<{ url: string; ms: number }> {
  const started = Date.now();
  await readRows({ file: "", url: server.adminUrl }, `create database "${name}"`);
  const url = urlWithDatabase(server.adminUrl, name);
  const source = openSqliteSource(file);
  const target = openPostgres(url);
  try {
    await migratePostgres(target);
    await copySqliteToPostgres(source, target);
    // As a database that has run a while: statistics and a visibility map (for index-only scans).
    await target.execute(sql`vacuum analyze`);
  } finally {
    source.$client.close();
    await target.$client.end();
  }
  return { url, ms: Date.now() - started };
}

/** Twenty editors with a token and a session each, and a milestone each to change. */
async function createAccounts(target: Target): Promise<Accounts> {
  if (target.url) process.env.DATABASE_URL = target.url;
  else process.env.DATABASE_PATH = target.file;
  process.env.BETTER_AUTH_SECRET = SECRET;
  // Imported here, not above: @/db/schema picks its tables by DATABASE_URL when first loaded.
  const [{ apiTokens }, { getAuth }, { generateToken, hashToken }, { createUser }] = await Promise.all([
    import("@/db/schema"),
    import("@/lib/auth/auth"),
    import("@/lib/auth/tokens"),
    import("@/lib/commands/users"),
  ]);
  await closeDb();
  const db = getDb();
  const cookies: string[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const email = `bench-${i + 1}@bench.test`;
    const user = await createUser({ email, role: "editor", password: PASSWORD, allWorkstreams: true } as Parameters<typeof createUser>[0]);
    const response = await getAuth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (!cookie) throw new Error(`No session cookie for ${email}`);
    cookies.push(cookie);
    const token = generateToken();
    await db
      .insert(apiTokens)
      .values({ userId: user.id, name: "bench", scope: "write", tokenHash: hashToken(token), prefix: token.slice(0, 10), createdBy: "bench" });
    tokens.push(token);
  }
  await closeDb();
  const targets = await readRows<{ id: number; version: number }>(
    target,
    "select id, version from milestones where status in ('planned', 'in_progress') and removed_at is null order by id desc limit ?",
    [CLIENTS],
  );
  return {
    cookies,
    patchClients: targets.map((row, i) => ({ token: tokens[i]!, milestoneId: row.id, version: row.version, statuses: ["in_progress", "planned"] })),
  };
}

async function contextOf(target: Target): Promise<Omit<BenchContext, "staticPath" | "timelineRows">> {
  // The workstream with the median number of milestones: a typical page.
  const slug = await readRows<{ slug: string }>(
    target,
    "select w.slug from workstreams w join milestones m on m.workstream_id = w.id group by w.id order by count(*) desc",
  );
  return { slug: slug[Math.floor(slug.length / 2)]!.slug, year: 2021 };
}

function staticFloorPath(): string {
  const dir = path.join(".next", "static", "chunks");
  const file = fs.readdirSync(dir).find((name) => name.endsWith(".js"));
  if (!file) throw new Error("No file in .next/static/chunks: build first (or drop --no-build).");
  return `/_next/static/chunks/${file}`;
}

/** The server: one process on SQLite; on PostgreSQL the cluster's primary, `appPids` its workers. */
type Server = { process: ChildProcess; appPids: number[] };

async function startServer(target: Target, port: number, publicRead: boolean): Promise<Server> {
  // What `npm start` serves: Next behind the response cache (RESPONSE_CACHE=0 in the environment turns it off).
  const server = spawn(process.execPath, [target.url ? path.join("bench", "next-cluster.mjs") : path.join("scripts", "next-start.mjs")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      ...(target.url ? { DATABASE_URL: target.url, WORKERS: String(POSTGRES_APP_PROCESSES) } : { DATABASE_PATH: target.file }),
      PUBLIC_READ: publicRead ? "1" : "0",
      BETTER_AUTH_SECRET: SECRET,
      DEMO: "0",
      APP_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
    },
    stdio: target.url ? ["ignore", "ignore", "inherit", "ipc"] : ["ignore", "ignore", "inherit"],
  });
  // The cluster says when every worker listens: until then the first one alone would answer.
  let appPids: number[] | undefined = target.url ? undefined : [server.pid!];
  server.on("message", (message: { ready?: boolean; workers?: number[] }) => {
    if (message.ready) appPids = message.workers;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok && appPids) return { process: server, appPids };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill("SIGTERM");
  throw new Error(`The server did not answer on port ${port} within 60 s`);
}

/**
 * Waits for the requests a run left in flight: the server answers them in order, so a health
 * check answers only after them. Otherwise a slow route's backlog is charged to the next one.
 */
async function drain(origin: string): Promise<void> {
  await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(60_000) }).catch(() => undefined);
}

/** Drains every app process: checks made at once go out on connections of their own, which the cluster deals round-robin. */
async function drainAll(origin: string, server: Server): Promise<void> {
  await Promise.all(server.appPids.map(() => drain(origin)));
}

async function stopServer(server: Server): Promise<void> {
  const primary = server.process;
  if (primary.exitCode !== null) return;
  const exited = new Promise((resolve) => primary.once("exit", resolve));
  primary.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (primary.exitCode === null) {
    for (const pid of server.appPids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    primary.kill("SIGKILL");
  }
}

/** The gzipped size of every script the page loads on first visit (nomodule polyfills left out: modern browsers skip them). */
async function firstLoadJsGzip(origin: string, html: string): Promise<number> {
  const sources = [
    ...new Set([...html.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!)).map((m) => m[2]!)),
  ];
  let total = 0;
  for (const source of sources) {
    const response = await fetch(new URL(source, origin));
    total += zlib.gzipSync(Buffer.from(await response.arrayBuffer())).length;
  }
  return total;
}

async function historyCounts(target: Target, ids: number[]): Promise<Map<number, number>> {
  const rows = await readRows<{ id: number; n: number | string }>(
    target,
    `select milestone_id as id, count(*) as n from status_history where milestone_id in (${ids.map(() => "?").join(", ")}) group by milestone_id`,
    ids,
  );
  // PostgreSQL counts in bigint, which node-postgres gives as text.
  const counts = new Map(rows.map((row) => [Number(row.id), Number(row.n)]));
  return new Map(ids.map((id) => [id, counts.get(id) ?? 0]));
}

export type ModeResult = {
  publicRead: boolean;
  /** The Accept-Encoding of every request ("identity" with --identity). */
  acceptEncoding: string;
  routes: RouteFigures[];
  patch: (LoadResult & { lost: number; fiveXx: number; cpuMs: number }) | null;
  firstLoadJsGzip: number;
  /** The app processes' resident memory, summed. */
  peakRssMb: number;
  endRssMb: number;
  /** The PostgreSQL server's (postmaster and backends, summed; PSS counts shared buffers once), with --db postgres. */
  postgres?: { peakRssMb: number; endRssMb: number; peakPssMb: number; endPssMb: number };
};
export type SizeResult = { milestones: number; workstreams: number; modes: ModeResult[] };

async function runMode(
  target: Target,
  accounts: Accounts,
  baseContext: Omit<BenchContext, "timelineRows">,
  options: { port: number; seconds: number; publicRead: boolean; acceptEncoding: string; postgresPid?: number },
): Promise<ModeResult> {
  const server = await startServer(target, options.port, options.publicRead);
  const appPids = server.appPids;
  const stopWatching = target.url ? watchRss(() => appPids.reduce((sum, pid) => sum + treeRssKb(pid), 0)) : watchRss(server.process.pid!);
  const postgresPid = options.postgresPid;
  const stopWatchingPostgres = postgresPid ? watchRss(postgresPid) : null;
  const stopWatchingPostgresPss = postgresPid ? watchRss(() => treePssKb(postgresPid)) : null;
  // On PostgreSQL the database's work is in its own processes: counted with the app's, as it is on SQLite.
  const cpuNow = () => treeCpuMs(server.process.pid!) + (postgresPid ? treeCpuMs(postgresPid) : 0);
  const origin = `http://127.0.0.1:${options.port}`;
  const headersFor = (client: number): Record<string, string> => ({
    "accept-encoding": options.acceptEncoding,
    ...(options.publicRead ? {} : { cookie: accounts.cookies[client % accounts.cookies.length]! }),
  });
  try {
    // Also the roadmap's first packing of its rows, which the first timeline read would otherwise pay.
    const frame = JSON.parse((await fetchOnce(`${origin}/api/timeline/lanes?limit=1`, headersFor(0))).body) as { totalRows: number };
    const context = { ...baseContext, timelineRows: frame.totalRows };
    const routes: RouteFigures[] = [];
    let firstLoad = 0;
    for (const route of ROUTES) {
      const url = origin + route.path(context);
      for (let i = 0; i < 3; i++) await fetchOnce(url, headersFor(i)); // warm up
      // After the warm-up: the answer that renders goes out uncompressed, the kept ones compressed.
      const { bytes, wireBytes, body } = await fetchOnce(url, headersFor(0));
      if (route.name.includes("overview")) firstLoad = await firstLoadJsGzip(origin, body);
      // One count for both runs, so the second asks for none of the first's addresses.
      let requests = 1;
      const pathFor = route.pathAt ? () => route.pathAt!(context, requests++) : undefined;
      const cpuBefore = cpuNow();
      const one = await loadTest({ url, connections: 1, seconds: options.seconds, headersFor, pathFor });
      await drainAll(origin, server);
      const twenty = await loadTest({ url, connections: CLIENTS, seconds: options.seconds, headersFor, pathFor });
      await drainAll(origin, server);
      const cpuMs = (cpuNow() - cpuBefore) / Math.max(1, one.requests + twenty.requests + 1);
      routes.push({ name: route.name, bytes, wireBytes, one, twenty, floor: route.floor, cpuMs });
      console.log(
        `  ${route.name}: ${fmtBytes(bytes)}, ${fmtBytes(wireBytes)} on the wire; 1: ${one.reqPerSec.toFixed(1)} req/s p95 ${one.p95.toFixed(0)} ms; 20: ${twenty.reqPerSec.toFixed(1)} req/s p95 ${twenty.p95.toFixed(0)} ms, ${twenty.errors} errors`,
      );
    }
    const clients = accounts.patchClients.map((client) => ({ ...client }));
    const before = await historyCounts(
      target,
      clients.map((client) => client.milestoneId),
    );
    const patchCpuBefore = cpuNow();
    const result = await patchLoad({ origin, clients, seconds: options.seconds });
    await drainAll(origin, server);
    const patchCpuMs = (cpuNow() - patchCpuBefore) / Math.max(1, result.requests);
    const after = await historyCounts(
      target,
      clients.map((client) => client.milestoneId),
    );
    let lost = 0;
    for (const [id, accepted] of result.accepted) lost += Math.max(0, accepted - ((after.get(id) ?? 0) - (before.get(id) ?? 0)));
    for (const client of clients) {
      const original = accounts.patchClients.find((c) => c.milestoneId === client.milestoneId)!;
      original.version = client.version; // the next server continues from here
    }
    const fiveXx = Object.entries(result.status).reduce((sum, [code, n]) => (code.startsWith("5") ? sum + n : sum), 0);
    const accepted = result.status["200"] ?? 0;
    const patch = { ...result, accepted: undefined, reqPerSec: accepted / options.seconds, lost, fiveXx, cpuMs: patchCpuMs };
    console.log(`  PATCH: ${patch.reqPerSec.toFixed(0)} accepted/s, p95 ${patch.p95.toFixed(0)} ms, ${lost} lost, ${fiveXx} 5xx`);
    const memory = stopWatching();
    const postgresMemory = stopWatchingPostgres?.();
    const postgresPss = stopWatchingPostgresPss?.();
    return {
      publicRead: options.publicRead,
      acceptEncoding: options.acceptEncoding,
      routes,
      patch,
      firstLoadJsGzip: firstLoad,
      peakRssMb: memory.peakMb,
      endRssMb: memory.lastMb,
      ...(postgresMemory && postgresPss
        ? { postgres: { peakRssMb: postgresMemory.peakMb, endRssMb: postgresMemory.lastMb, peakPssMb: postgresPss.peakMb, endPssMb: postgresPss.lastMb } }
        : {}),
    };
  } finally {
    stopWatching();
    stopWatchingPostgres?.();
    stopWatchingPostgresPss?.();
    await stopServer(server);
  }
}

function printSize(size: SizeResult): void {
  for (const mode of size.modes) {
    const title = `route, ${size.milestones.toLocaleString("en")} milestones, PUBLIC_READ=${mode.publicRead ? 1 : 0}`;
    const patch = mode.patch
      ? `| \`PATCH /api/milestones/{id}\`, ${CLIENTS} token clients | | ${mode.patch.reqPerSec.toFixed(0)} accepted/s, p50 ${mode.patch.p50.toFixed(0)} ms, p95 ${mode.patch.p95.toFixed(0)} ms, ${mode.patch.lost} lost, ${mode.patch.fiveXx} 5xx | | | | ${mode.patch.cpuMs.toFixed(1)} ms |`
      : "";
    console.log(`\n${markdownTable(title, mode.routes)}\n${patch}`);
    const serverMemory = mode.postgres ? `app memory (RSS, ${POSTGRES_APP_PROCESSES} processes summed)` : "server memory (RSS)";
    console.log(`| ${serverMemory} | peak ${mode.peakRssMb.toFixed(0)} MB | at the end ${mode.endRssMb.toFixed(0)} MB | | | | |`);
    if (mode.postgres)
      console.log(
        `| PostgreSQL memory (all its processes summed) | RSS peak ${mode.postgres.peakRssMb.toFixed(0)} MB, PSS peak ${mode.postgres.peakPssMb.toFixed(0)} MB | at the end RSS ${mode.postgres.endRssMb.toFixed(0)} MB, PSS ${mode.postgres.endPssMb.toFixed(0)} MB | | | | |`,
      );
    console.log(`| overview first-load JS | ${(mode.firstLoadJsGzip / 1024).toFixed(0)} KB gzipped | | | | | |`);
  }
}

/** How each route's p50 and req/s at 20 connections change from one size to the next. */
function printGrowth(sizes: SizeResult[]): void {
  if (sizes.length < 2) return;
  console.log("\nGrowth from size to size (p50 at 20 connections and server CPU per request, PUBLIC_READ=1; > 1 means slower):\n");
  const header = sizes.slice(1).map((size, i) => `${sizes[i]!.milestones / 1000}k → ${size.milestones / 1000}k`);
  console.log(`| route | ${header.join(" | ")} |\n|---|${header.map(() => "---|").join("")}`);
  for (const route of ROUTES) {
    const cpu = sizes.map((size) => size.modes[0]?.routes.find((r) => r.name === route.name)?.cpuMs ?? NaN);
    const p50s = sizes.map((size) => size.modes[0]?.routes.find((r) => r.name === route.name)?.twenty?.p50 ?? NaN);
    console.log(
      `| ${route.name} | ${p50s
        .slice(1)
        .map((p, i) => `${(p / Math.max(p50s[i]!, 1)).toFixed(2)}× (CPU ${(cpu[i + 1]! / cpu[i]!).toFixed(2)}×)`)
        .join(" | ")} |`,
    );
  }
}

export async function main(argv = process.argv.slice(2)): Promise<SizeResult[]> {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      sizes: { type: "string" },
      seconds: { type: "string" },
      modes: { type: "string", default: "1,0" },
      "no-build": { type: "boolean", default: false },
      port: { type: "string", default: process.env.BENCH_PORT ?? "3400" },
      identity: { type: "boolean", default: false },
      db: { type: "string", default: "sqlite" },
    },
  });
  if (values.db !== "sqlite" && values.db !== "postgres") throw new Error(`--db is sqlite or postgres, not "${values.db}"`);
  const acceptEncoding = values.identity ? "identity" : BROWSER_ACCEPT_ENCODING;
  const sizes = (values.sizes ?? (values.quick ? "10000" : "1000,10000,100000")).split(",").map(Number);
  const seconds = Number(values.seconds ?? (values.quick ? 5 : 8));
  const modes = values.modes.split(",").map((mode) => mode.trim() === "1");
  const port = Number(values.port);
  // --quick builds only when no build is there; --no-build never; otherwise always.
  const built = fs.existsSync(path.join(".next", "BUILD_ID"));
  if (!values["no-build"] && !(values.quick && built))
    execFileSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { stdio: "inherit" });
  const staticPath = staticFloorPath();
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-http-"));
  const results: SizeResult[] = [];
  const postgres = values.db === "postgres" ? await startPostgres() : null;
  try {
    for (const milestones of sizes) {
      const workstreams = Math.max(1, Math.round(milestones / 100));
      const file = path.join(workDir, `bench-${milestones}.sqlite`);
      const grown = createSyntheticDatabase(file, { workstreams, milestones });
      const copied = postgres ? await copyIntoPostgres(postgres, file, `bench_${milestones}`) : null;
      const target: Target = { file, url: copied?.url };
      const accounts = await createAccounts(target);
      const context = { ...(await contextOf(target)), staticPath };
      const copyNote = copied ? `, copied into PostgreSQL in ${(copied.ms / 1000).toFixed(1)} s` : "";
      console.log(
        `\n${milestones.toLocaleString("en")} milestones, ${workstreams} workstreams (generated in ${(grown.ms / 1000).toFixed(1)} s${copyNote}); ${seconds} s per run`,
      );
      const size: SizeResult = { milestones, workstreams, modes: [] };
      for (const publicRead of modes) {
        console.log(` PUBLIC_READ=${publicRead ? 1 : 0}`);
        size.modes.push(await runMode(target, accounts, context, { port, seconds, publicRead, acceptEncoding, postgresPid: postgres?.pid }));
      }
      results.push(size);
    }
  } finally {
    if (postgres) stopPostgres(postgres);
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  const database = postgres
    ? `PostgreSQL ${postgres.version} (throwaway cluster: fsync, synchronous_commit and full_page_writes off; ${POSTGRES_SETTINGS.join(", ")}), ` +
      `${POSTGRES_APP_PROCESSES} app processes on one port (node:cluster), pool of ${databasePoolSize()} each; server CPU / request includes PostgreSQL's`
    : null;
  console.log(
    `\n## HTTP benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, Accept-Encoding: ${acceptEncoding}${database ? `\n\n${database}` : ""}`,
  );
  for (const size of results) printSize(size);
  printGrowth(results);
  fs.mkdirSync(path.join("bench", "results"), { recursive: true });
  const out = path.join("bench", "results", `http-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cores: os.cpus().length,
        node: process.version,
        seconds,
        acceptEncoding,
        ...(database ? { database } : {}),
        routes: ROUTES.map((r) => r.name),
        results,
      },
      null,
      2,
    ),
  );
  console.log(`\nJSON: ${out}`);
  return results;
}

if (process.argv[1] && /http\.bench\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
