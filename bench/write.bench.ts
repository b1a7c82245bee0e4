/**
 * Milestone write micro-benchmark: what one `PATCH /api/milestones/{id}` costs inside the server,
 * without HTTP or Next's route pipeline. On a copy of a synthetic database (the original is never
 * touched), twenty editors with a write token each change one milestone each, in turn, as
 * bench/http-load.ts's PATCH load does: a status flip between in_progress and planned with a
 * note, at the version the last answer gave. Each call does what the route does: resolve the
 * bearer token, parse the JSON body, run `updateMilestone`, serialize the answer.
 *
 * The figures are those of the fastest of a few runs (other work on the machine only slows a run
 * down). Then the split: each step of the command timed on its own with the same kinds of input;
 * "transaction and the rest" is what the whole command's median costs beyond them.
 *
 *   npm run bench:write                                  # 5,000 calls on /tmp/perf-10k.sqlite
 *   npm run bench:write -- --db /tmp/other.sqlite --calls 20000 --runs 5 --json
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PerformanceObserver, performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { actorFromToken } from "@/lib/auth/tokens";
import { type Actor, requireRole } from "@/lib/auth/permissions";
import { createApiToken, createUser } from "@/lib/commands/users";
import { updateMilestone } from "@/lib/commands/milestones";
import { invalidateReads } from "@/lib/queries/cache";
import { getMilestoneState } from "@/lib/queries/milestone-state";
import { milestoneUpdateSchema } from "@/lib/validation/milestones";
import { parseInput } from "@/lib/validation/parse-or-throw";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "/tmp/perf-10k.sqlite" },
    calls: { type: "string", default: "5000" },
    clients: { type: "string", default: "20" },
    runs: { type: "string", default: "3" },
    json: { type: "boolean", default: false },
  },
});
const CALLS = Number(values.calls);
const CLIENTS = Number(values.clients);
const RUNS = Number(values.runs);
const WARMUP = Math.min(500, Math.ceil(CALLS / 10));

type Client = { token: string; milestoneId: number; version: number; turn: number };
type Summary = { median: number; p95: number; mean: number };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return { median: percentile(sorted, 50) * 1000, p95: percentile(sorted, 95) * 1000, mean: mean * 1000 };
}

/** A private copy of the database, migrated, with twenty editors who may change any milestone. */
async function prepare(source: string): Promise<{ directory: string; clients: Client[] }> {
  if (!fs.existsSync(source)) throw new Error(`${source} does not exist: create it with \`npm run db:synthetic\`.`);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-bench-write-"));
  const file = path.join(directory, "bench.sqlite");
  fs.copyFileSync(source, file);
  process.env.DATABASE_PATH = file;
  process.env.BETTER_AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";
  closeDb();
  const db = getDb();
  migrateDatabase(db);
  const targets = db.$client
    .prepare("select id, version from milestones where status in ('planned', 'in_progress') and removed_at is null order by id desc limit ?")
    .all(CLIENTS) as { id: number; version: number }[];
  const clients: Client[] = [];
  for (const [i, target] of targets.entries()) {
    const email = `bench-write-${i + 1}@bench.test`;
    const user = await createUser({ email, role: "editor", password: "bench password, not for production", allWorkstreams: true });
    const self: Actor = { userId: user.id, name: email, email, role: "editor", allWorkstreams: true, via: "session" };
    const { token } = await createApiToken(self, user.id, { name: "bench", scope: "write" });
    clients.push({ token, milestoneId: target.id, version: target.version, turn: 0 });
  }
  return { directory, clients };
}

const STATUSES = ["in_progress", "planned"] as const;
const bodyOf = (client: Client) => JSON.stringify({ version: client.version, status: STATUSES[client.turn % 2], note: `bench change ${client.version}` });

/** The route's work for one PATCH, timed: token → body → command → answer. */
async function runCalls(clients: Client[], calls: number) {
  const token: number[] = [];
  const command: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < calls; i++) {
    const client = clients[i % clients.length]!;
    const body = bodyOf(client);
    const started = performance.now();
    const actor = requireRole(await actorFromToken(client.token), "editor");
    const resolved = performance.now();
    const state = await updateMilestone(actor, client.milestoneId, JSON.parse(body));
    const done = performance.now();
    JSON.stringify(state);
    const answered = performance.now();
    client.version = state.version;
    client.turn++;
    token.push(resolved - started);
    command.push(done - resolved);
    total.push(answered - started);
  }
  return { token, command, total };
}

/** Median cost (µs) of one step run `calls` times on the bench's inputs. */
async function medianOf(calls: number, clients: Client[], step: (client: Client) => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const client = clients[i % clients.length]!;
    const started = performance.now();
    await step(client);
    samples.push(performance.now() - started);
  }
  return summarize(samples).median;
}

/** One timed run of `CALLS` calls, with the GC time and CPU it took. */
async function timedRun(clients: Client[]) {
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ["gc"] });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const timed = await runCalls(clients, CALLS);
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 100)); // the observer reports asynchronously
  gc.disconnect();
  const whole = summarize(timed.total);
  const command = summarize(timed.command);
  return {
    perCallUs: { median: round(whole.median), p95: round(whole.p95), mean: round(whole.mean) },
    commandUs: { median: round(command.median), p95: round(command.p95), mean: round(command.mean) },
    tokenUs: summarize(timed.token).median,
    callsPerSecond: Math.round((CALLS * 1000) / elapsedMs),
    // Less disturbed than wall time by other work on the machine (and blind to waiting for the disk).
    cpuUsPerCall: round((cpu.user + cpu.system) / CALLS),
    systemCpuUsPerCall: round(cpu.system / CALLS),
    gcMsPer1000Calls: round((gcMs * 1000) / CALLS, 2),
  };
}

async function main() {
  const { directory, clients } = await prepare(values.db);
  try {
    await runCalls(clients, WARMUP);
    // On a shared machine the other processes only ever slow a run down: the fastest run is the truest.
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(await timedRun(clients));
    const best = runs.reduce((a, b) => (b.perCallUs.median < a.perCallUs.median ? b : a));

    const schema = milestoneUpdateSchema();
    const split = {
      tokenAndActor: best.tokenUs,
      validation: await medianOf(CALLS, clients, (client) => parseInput(schema, JSON.parse(bodyOf(client)))),
      stateRead: await medianOf(CALLS, clients, (client) => getMilestoneState(client.milestoneId)),
      cacheInvalidation: await medianOf(CALLS, clients, () => invalidateReads("milestones")),
    };
    // The command reads the state once, before its change; it answers with the state it wrote.
    const stateReads = 1;
    const transactionAndRest = best.commandUs.median - split.validation - stateReads * split.stateRead - split.cacheInvalidation;
    const { tokenUs: _tokenUs, ...figures } = best;
    const result = {
      database: values.db,
      calls: CALLS,
      runs: RUNS,
      clients: clients.length,
      ...figures,
      splitMedianUs: {
        tokenAndActor: round(split.tokenAndActor),
        validation: round(split.validation),
        stateRead: `${stateReads} × ${round(split.stateRead)}`,
        cacheInvalidation: round(split.cacheInvalidation, 2),
        transactionAndRest: round(transactionAndRest),
      },
    };
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(`${CALLS} PATCH-like calls from ${clients.length} token clients on ${values.db}, best of ${RUNS} runs:`);
    console.log(`  per call (token → answer): median ${result.perCallUs.median} µs, p95 ${result.perCallUs.p95} µs; ${result.callsPerSecond} calls/s`);
    console.log(`  CPU: ${result.cpuUsPerCall} µs per call, of which ${result.systemCpuUsPerCall} µs in the kernel (writes, fsync)`);
    console.log(`  updateMilestone alone:     median ${result.commandUs.median} µs, p95 ${result.commandUs.p95} µs`);
    console.log(`  GC: ${result.gcMsPer1000Calls} ms per 1,000 calls`);
    console.log("  split (median µs per call; the last by difference):");
    for (const [step, value] of Object.entries(result.splitMedianUs)) console.log(`    ${step.padEnd(20)} ${value}`);
  } finally {
    closeDb();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
