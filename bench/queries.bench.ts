/**
 * Query benchmark at the report's size and at a hundred times it. Prints the median of each
 * read the pages make, and the ratio between the two sizes: the design target is that pages
 * count in SQL and load one page of rows, so times grow far slower than the data.
 *
 *   npm run bench
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { count } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { closeDb, getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import { prepareDatabase } from "@/db/setup";
import { parsePartialDate, periodOf, todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { listMilestones, milestonesOfWorkstreams } from "@/lib/queries/milestones";
import { quarterlyProgress, statusTotals } from "@/lib/queries/stats";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const countOf = (table: SQLiteTable) => getDb().select({ n: count() }).from(table).get()?.n ?? 0;

function openFresh(label: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ceb-bench-${label}-`));
  process.env.DATABASE_PATH = path.join(dir, "bench.sqlite");
  closeDb();
  const db = getDb();
  prepareDatabase(db);
  return { db, dir };
}

/** Copies every seeded workstream (scale - 1) times with its milestones and history. */
function multiply(scale: number) {
  const db = getDb();
  const streams = db.select().from(workstreams).all();
  const rows = db.select().from(milestones).all();
  const bodyCodes = db
    .select({ code: bodies.code })
    .from(bodies)
    .all()
    .map((b) => b.code);
  db.transaction((tx) => {
    for (let copy = 1; copy < scale; copy++) {
      for (const stream of streams) {
        const { id: _id, ...fields } = stream;
        const created = tx
          .insert(workstreams)
          .values({
            ...fields,
            slug: `${stream.slug}-${copy}`,
            nameEn: `${stream.nameEn} (${copy})`,
            bodyCode: bodyCodes[(copy + stream.id) % bodyCodes.length]!,
          })
          .returning({ id: workstreams.id })
          .get();
        for (const milestone of rows.filter((m) => m.workstreamId === stream.id)) {
          const { id: _mid, ...values } = milestone;
          // Spread copies over 2019–2028 with every status so filters have work to do.
          const year = 2019 + ((copy + milestone.id) % 10);
          const date = parsePartialDate(`${year}${milestone.date.slice(4)}`) ?? parsePartialDate(String(year))!;
          const period = periodOf(date);
          const status = MILESTONE_STATUSES[(copy * 7 + milestone.id) % MILESTONE_STATUSES.length]!;
          const stored = tx
            .insert(milestones)
            .values({
              ...values,
              workstreamId: created.id,
              seedKey: `${milestone.seedKey}-${copy}`,
              date: date.value,
              year,
              periodStart: period.start,
              periodEnd: period.end,
              status,
            })
            .returning({ id: milestones.id })
            .get();
          tx.insert(statusHistory).values({ milestoneId: stored.id, toStatus: status, actor: "bench" }).run();
        }
      }
    }
  });
}

async function measure(): Promise<Record<string, number>> {
  const today = todayIso();
  const cases: Record<string, () => unknown> = {
    "overview: workstream cards (page 1)": () => listWorkstreamSummaries({}, { page: 1, pageSize: 24 }, today),
    "overview: cards filtered (year+body+status)": () =>
      listWorkstreamSummaries({ year: 2021, body: "HLCM", status: ["completed", "planned"] }, { page: 1, pageSize: 24 }, today),
    "overview: status totals": () => statusTotals({}, today),
    "overview: quarterly progress": () => quarterlyProgress({}),
    "timeline: lanes of page 1": async () => {
      const page = await listWorkstreamSummaries({}, { page: 1, pageSize: 24 }, today);
      return await milestonesOfWorkstreams(
        page.items.map((item) => item.id),
        {},
        today,
      );
    },
    "api: milestones filtered (page 1)": () => listMilestones({ year: 2021, status: ["completed"] }, { page: 1, pageSize: 50 }, today),
  };
  const results: Record<string, number> = {};
  for (const [name, run] of Object.entries(cases)) {
    await run(); // warm up statement cache
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await run();
      times.push(performance.now() - start);
    }
    results[name] = median(times);
  }
  return results;
}

async function main() {
  const small = openFresh("x1");
  const counts1 = { w: countOf(workstreams), m: countOf(milestones) };
  const base = await measure();
  closeDb();
  fs.rmSync(small.dir, { recursive: true, force: true });

  const large = openFresh(`x${SCALE}`);
  multiply(SCALE);
  const countsN = { w: countOf(workstreams), m: countOf(milestones) };
  const scaled = await measure();
  closeDb();
  fs.rmSync(large.dir, { recursive: true, force: true });

  console.log(
    `Report size: ${counts1.w} workstreams, ${counts1.m} milestones; x${SCALE}: ${countsN.w} workstreams, ${countsN.m} milestones; median of ${RUNS} runs\n`,
  );
  console.log(`${"query".padEnd(46)} ${"x1 (ms)".padStart(9)} ${`x${SCALE} (ms)`.padStart(11)} ${"ratio".padStart(7)}`);
  for (const name of Object.keys(base)) {
    const a = base[name]!;
    const b = scaled[name]!;
    console.log(`${name.padEnd(46)} ${a.toFixed(2).padStart(9)} ${b.toFixed(2).padStart(11)} ${(b / a).toFixed(1).padStart(7)}`);
  }
}

void main();
