/**
 * The measuring pieces of the HTTP benchmark (bench/http.bench.ts), kept apart so a test can run
 * them against a tiny server: one GET's size decoded and on the wire, one autocannon run with
 * exact latency percentiles, the PATCH run that tracks each client's milestone version, the
 * server's resident memory, and the table.
 */
import fs from "node:fs";
import http from "node:http";
import zlib from "node:zlib";
import autocannon from "autocannon";

export type LoadResult = {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts and answers other than 2xx. */
  errors: number;
  status: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/**
 * One GET as client 0 would make it: the body's size decoded and as it came over the wire;
 * refuses anything but 200 (a redirect to sign-in would flatter).
 */
export function fetchOnce(url: string, headers: Record<string, string>): Promise<{ bytes: number; wireBytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}, not 200`));
          const wire = Buffer.concat(chunks);
          try {
            const decoded = decode(wire, response.headers["content-encoding"]);
            resolve({ bytes: decoded.length, wireBytes: wire.length, body: decoded.toString() });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      })
      .on("error", reject);
  });
}

function decode(body: Buffer, encoding: string | undefined): Buffer {
  switch (encoding ?? "identity") {
    case "identity":
      return body;
    case "gzip":
      return zlib.gunzipSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    default:
      throw new Error(`Unknown content encoding ${encoding}`);
  }
}

type Client = {
  setHeaders(headers: Record<string, string>): void;
  on(event: "response", listener: (status: number, bytes: number, ms: number) => void): void;
};

/**
 * Loads `url` with `connections` clients for `seconds`. `headersFor(i)` gives client i its
 * headers (a session cookie each). Latencies are recorded per response, so p95 is exact.
 */
export async function loadTest(options: {
  url: string;
  connections: number;
  seconds: number;
  headersFor?: (client: number) => Record<string, string>;
  /** Another path (and query) for each request, instead of `url`'s. */
  pathFor?: () => string;
  timeoutSeconds?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  let clients = 0;
  const pathFor = options.pathFor;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: options.timeoutSeconds ?? 10,
    ...(pathFor ? { requests: [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: pathFor() }) }] } : {}),
    setupClient: (client: Client) => {
      const index = clients++;
      if (options.headersFor) client.setHeaders(options.headersFor(index));
      client.on("response", (code, _bytes, ms) => {
        latencies.push(ms);
        status[code] = (status[code] ?? 0) + 1;
      });
    },
  } as autocannon.Options);
  return summarize(options.connections, options.seconds, latencies, status, result.errors + result.timeouts);
}

function summarize(connections: number, seconds: number, latencies: number[], status: Record<string, number>, failures: number): LoadResult {
  const sorted = latencies.sort((a, b) => a - b);
  const non2xx = Object.entries(status).reduce((sum, [code, n]) => (code.startsWith("2") ? sum : sum + n), 0);
  return {
    connections,
    seconds,
    requests: sorted.length,
    reqPerSec: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: failures + non2xx,
    status,
  };
}

export type PatchClient = { token: string; milestoneId: number; version: number; statuses: [string, string] };
export type PatchResult = LoadResult & { accepted: Map<number, number> };

/**
 * PATCH throughput: client i changes its own milestone back and forth between two statuses,
 * sending the version it last read (so every request is a real change, none a conflict).
 * Counts the 200s per milestone, for the caller to find each one in the history.
 */
export async function patchLoad(options: { origin: string; clients: PatchClient[]; seconds: number }): Promise<PatchResult> {
  const latencies: number[] = [];
  const status: Record<string, number> = {};
  const accepted = new Map<number, number>();
  let next = 0;
  type Context = { client?: PatchClient; turn?: number };
  const result = await autocannon({
    url: options.origin,
    connections: options.clients.length,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: "PATCH",
        setupRequest: (request: Record<string, unknown>, context: Context) => {
          context.client ??= options.clients[next++ % options.clients.length]!;
          context.turn ??= 0;
          const client = context.client;
          return {
            ...request,
            path: `/api/milestones/${client.milestoneId}`,
            headers: { authorization: `Bearer ${client.token}`, "content-type": "application/json" },
            body: JSON.stringify({ version: client.version, status: client.statuses[context.turn % 2], note: `bench change ${client.version}` }),
          };
        },
        onResponse: (code: number, body: string, context: Context) => {
          const client = context.client!;
          if (code === 200) {
            client.version = (JSON.parse(body) as { version: number }).version;
            context.turn = (context.turn ?? 0) + 1;
            accepted.set(client.milestoneId, (accepted.get(client.milestoneId) ?? 0) + 1);
          } else if (code === 409) {
            client.version = (JSON.parse(body) as { current: { version: number } }).current.version;
          }
        },
      },
    ],
    setupClient: (client: Client) => {
      client.on("response", (code, _bytes, ms) => {
        latencies.push(ms);
        status[code] = (status[code] ?? 0) + 1;
      });
    },
  } as unknown as autocannon.Options);
  return { ...summarize(options.clients.length, options.seconds, latencies, status, result.errors + result.timeouts), accepted };
}

/** Resident memory (kB) of a process and all its descendants, from /proc (Linux). */
export function treeRssKb(pid: number): number {
  return treeSumKb(pid, (id) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0));
}

/**
 * Proportional memory (kB) of a process and its descendants: each shared page divided among the
 * processes that map it, so PostgreSQL's shared buffers count once, not once per backend.
 */
export function treePssKb(pid: number): number {
  return treeSumKb(pid, (id) => Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${id}/smaps_rollup`, "utf8"))?.[1] ?? 0));
}

function treeSumKb(pid: number, own: (pid: number) => number): number {
  try {
    const kb = own(pid);
    let children: number[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      children = [];
    }
    return kb + children.reduce((sum, child) => sum + treeSumKb(child, own), 0);
  } catch {
    return 0;
  }
}

/** CPU time (ms) a process and its descendants have used so far, from /proc (Linux; 0 elsewhere). */
export function treeCpuMs(pid: number): number {
  try {
    // utime and stime are fields 14 and 15, in clock ticks (100 a second on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const own = (Number(fields[11]) + Number(fields[12])) * 10;
    let children: number[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      children = [];
    }
    return own + children.reduce((sum, child) => sum + treeCpuMs(child), 0);
  } catch {
    return 0;
  }
}

/**
 * Samples a process tree's resident memory (or, given a function, the kB it reads: several
 * processes summed) until stopped; returns the peak and the last sample (MB).
 */
export function watchRss(source: number | (() => number), everyMs = 200): () => { peakMb: number; lastMb: number } {
  const read = typeof source === "number" ? () => treeRssKb(source) : source;
  let peak = 0;
  let last = 0;
  const sample = () => {
    last = read();
    peak = Math.max(peak, last);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return () => {
    clearInterval(timer);
    sample();
    return { peakMb: peak / 1024, lastMb: last / 1024 };
  };
}

const fmtMs = (ms: number) => (Number.isNaN(ms) ? "–" : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtRate = (rate: number) => (rate >= 100 ? rate.toFixed(0) : rate.toFixed(1));
export const fmtBytes = (bytes: number | undefined) =>
  bytes === undefined ? "" : bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(0)} KB`;

/** "212 req/s, p50 4 ms, p95 9 ms, p99 14 ms" (and the errors when there are any). */
export function describe(result: LoadResult | undefined): string {
  if (!result) return "";
  if (!result.requests) return `**no answer within ${result.seconds} s**`;
  const errors = result.errors ? `, **${result.errors} errors**` : "";
  return `${fmtRate(result.reqPerSec)} req/s, p50 ${fmtMs(result.p50)}, p95 ${fmtMs(result.p95)}, p99 ${fmtMs(result.p99)}${errors}`;
}

/**
 * `cpuMs`: the server's CPU time per request over both runs. Unlike req/s it hardly depends on
 * what else the machine runs, so it compares runs on a busy machine.
 */
export type RouteFigures = {
  name: string;
  /** The body's size, uncompressed (the page's HTML). */
  bytes?: number;
  /** The body's size as sent, compressed when the request asked for it. */
  wireBytes?: number;
  one?: LoadResult;
  twenty?: LoadResult;
  floor?: boolean;
  cpuMs?: number;
};

/** A Markdown table: each route at 1 and 20 connections, its size (and on the wire), and its ratio to the floor at 20. */
export function markdownTable(title: string, routes: RouteFigures[]): string {
  const floor = routes.find((route) => route.floor)?.twenty;
  const lines = [
    `| ${title} | 1 connection | 20 connections | size | on the wire | × floor (req/s at 20) | server CPU / request |`,
    "|---|---|---|---|---|---|---|",
  ];
  for (const route of routes) {
    const ratio = floor && route.twenty && !route.floor ? `${(floor.reqPerSec / Math.max(route.twenty.reqPerSec, 0.01)).toFixed(1)}×` : "";
    const cpu = route.cpuMs === undefined ? "" : `${route.cpuMs.toFixed(1)} ms`;
    lines.push(
      `| ${route.name} | ${describe(route.one)} | ${describe(route.twenty)} | ${fmtBytes(route.bytes)} | ${fmtBytes(route.wireBytes)} | ${ratio} | ${cpu} |`,
    );
  }
  return lines.join("\n");
}
