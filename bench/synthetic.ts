/**
 * Deterministic synthetic data: grows a database from the report's seed to N workstreams and
 * M milestones, three history rows per generated milestone, every status, dates over the ten
 * years 2017–2026, all from a fixed seed so every run (and every machine) gets the same rows.
 *
 *   npm run db:synthetic -- --out /tmp/ceb-10k.sqlite --workstreams 100 --milestones 10000 [--seed 42]
 *
 * The file is created (or replaced) with the migrations and the report's seed, then topped up
 * with generated rows in one transaction through prepared statements: 100,000 milestones take
 * seconds. Used by the HTTP benchmark (bench/http.bench.ts) and any test that needs size.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDatabase, type AppDatabase } from "@/db";
import { prepareDatabase } from "@/db/setup";
import { parsePartialDate, periodOf } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";

export type SyntheticOptions = { workstreams: number; milestones: number; seed?: number };
export type SyntheticResult = { workstreams: number; milestones: number; history: number; ms: number };

export const FIRST_YEAR = 2017;
export const YEARS = 10;

/** Words the generated names and titles are made of (the export benchmark uses them too). */
export const WORDS_EN = [
  "review",
  "framework",
  "guidance",
  "data",
  "strategy",
  "network",
  "common",
  "system-wide",
  "capacity",
  "report",
  "policy",
  "platform",
  "standards",
  "pilot",
  "training",
  "assessment",
  "roadmap",
  "principles",
  "dialogue",
  "partnership",
];
export const WORDS_ZH = [
  "审查",
  "框架",
  "指导",
  "数据",
  "战略",
  "网络",
  "共同",
  "全系统",
  "能力",
  "报告",
  "政策",
  "平台",
  "标准",
  "试点",
  "培训",
  "评估",
  "路线图",
  "原则",
  "对话",
  "伙伴关系",
];
const LEADS = ["UNDP", "UNICEF", "UNESCO", "ITU", "WHO", "ILO", "UNHCR", "WFP", "UN Women", "OHCHR"];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Statuses a milestone passed through before its current one: three history rows in all. */
function pathTo(status: MilestoneStatus): [MilestoneStatus, MilestoneStatus, MilestoneStatus] {
  switch (status) {
    case "planned":
      return ["planned", "at_risk", "planned"];
    case "in_progress":
      return ["planned", "delayed", "in_progress"];
    case "completed":
      return ["planned", "in_progress", "completed"];
    default:
      return ["planned", "in_progress", status];
  }
}

/**
 * Adds generated workstreams and milestones to `db` until it holds `workstreams` and
 * `milestones` rows (the seed's included). Milestones are spread evenly over the workstreams;
 * statuses cycle through all six with a random offset so every filter has work to do.
 */
export function growDatabase(db: AppDatabase, options: SyntheticOptions): SyntheticResult {
  const started = performance.now();
  const sqlite = db.$client;
  const next = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const countOf = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const haveStreams = countOf("workstreams");
  const haveMilestones = countOf("milestones");
  const addStreams = Math.max(0, options.workstreams - haveStreams);
  const addMilestones = Math.max(0, options.milestones - haveMilestones);
  const bodyCodes = (sqlite.prepare("select code from bodies order by sort_order, code").all() as { code: string }[]).map((row) => row.code);
  if (bodyCodes.length === 0) throw new Error("The database has no bodies: run the migrations and the seed first.");

  const insertStream = sqlite.prepare(
    `insert into workstreams (slug, name_en, name_zh, body_code, leads, summary_en, summary_zh, paragraphs, evidence, position, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?)`,
  );
  const insertMilestone = sqlite.prepare(
    `insert into milestones (workstream_id, seed_key, title_en, title_zh, date, date_precision, period_start, period_end, year, status,
       completed_on, completed_precision, completed_period_end, source_paragraph, source_footnote, quote_zh, evidence, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?)`,
  );
  const insertHistory = sqlite.prepare(
    `insert into status_history (milestone_id, from_status, to_status, changed_at, kind, actor, note, evidence)
     values (?, ?, ?, ?, ?, 'synthetic', ?, '[]')`,
  );

  let history = 0;
  sqlite.transaction(() => {
    const streamIds: number[] = [];
    for (let w = 0; w < addStreams; w++) {
      const number = haveStreams + w + 1;
      const leads = [pick(LEADS), ...(next() < 0.5 ? [pick(LEADS)] : [])];
      const info = insertStream.run(
        `synthetic-${number}`,
        `Workstream ${number}: ${pick(WORDS_EN)} ${pick(WORDS_EN)} and ${pick(WORDS_EN)}`,
        `工作流 ${number}：${pick(WORDS_ZH)}${pick(WORDS_ZH)}和${pick(WORDS_ZH)}`,
        bodyCodes[w % bodyCodes.length]!,
        JSON.stringify([...new Set(leads)]),
        `A generated workstream on the ${pick(WORDS_EN)} ${pick(WORDS_EN)} across the system.`,
        `生成的工作流，涉及全系统的${pick(WORDS_ZH)}和${pick(WORDS_ZH)}。`,
        JSON.stringify([1 + (w % 80)]),
        1000 + w,
        "2017-01-01T00:00:00.000Z",
        "2017-01-01T00:00:00.000Z",
      );
      streamIds.push(Number(info.lastInsertRowid));
    }
    // With no new workstreams, milestones go to the ones already there.
    const targets =
      streamIds.length > 0 ? streamIds : (sqlite.prepare("select id from workstreams order by id").all() as { id: number }[]).map((row) => row.id);
    if (addMilestones > 0 && targets.length === 0) throw new Error("No workstream to add milestones to.");
    const statusOffset = Math.floor(next() * MILESTONE_STATUSES.length);
    for (let m = 0; m < addMilestones; m++) {
      const streamId = targets[m % targets.length]!;
      const year = FIRST_YEAR + Math.floor(next() * YEARS);
      const month = 1 + Math.floor(next() * 12);
      const precisionDraw = next();
      const text =
        precisionDraw < 0.4 ? String(year) : precisionDraw < 0.85 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(1 + Math.floor(next() * 28))}`;
      const date = parsePartialDate(text)!;
      const period = periodOf(date);
      const status = MILESTONE_STATUSES[(m + statusOffset) % MILESTONE_STATUSES.length]!;
      const completed = status === "completed";
      const stamp = (step: number) =>
        `${year - 1 + Math.floor(step / 2)}-${pad(1 + ((month + step * 3) % 12))}-${pad(1 + (m % 28))}T${pad(8 + step)}:00:00.000Z`;
      const info = insertMilestone.run(
        streamId,
        `synthetic-${m + 1}`,
        `${pick(WORDS_EN)} ${pick(WORDS_EN)} for the ${pick(WORDS_EN)} ${pick(WORDS_EN)} (${m + 1})`,
        `${pick(WORDS_ZH)}${pick(WORDS_ZH)}${pick(WORDS_ZH)}（${m + 1}）`,
        date.value,
        date.precision,
        period.start,
        period.end,
        year,
        status,
        completed ? date.value : null,
        completed ? date.precision : null,
        completed ? period.end : null,
        1 + Math.floor(next() * 83),
        next() < 0.3 ? 1 + Math.floor(next() * 41) : null,
        `${pick(WORDS_ZH)}${pick(WORDS_ZH)}${pick(WORDS_ZH)}`,
        next() < 0.3 ? JSON.stringify([{ kind: "symbol", value: `CEB/${year}/${1 + (m % 3)}` }]) : "[]",
        stamp(0),
        stamp(2),
      );
      const milestoneId = Number(info.lastInsertRowid);
      const [first, second, third] = pathTo(status);
      insertHistory.run(milestoneId, null, first, stamp(0), "created", null);
      insertHistory.run(milestoneId, first, second, stamp(1), "status", second === "planned" ? null : `Reported in the ${pick(WORDS_EN)} review`);
      insertHistory.run(milestoneId, second, third, stamp(2), "status", third === "planned" ? null : `Reported in the ${pick(WORDS_EN)} review`);
      history += 3;
    }
  })();
  sqlite.pragma("optimize");
  return { workstreams: addStreams, milestones: addMilestones, history, ms: performance.now() - started };
}

/** Creates `file` afresh (migrated, seeded from the report) and grows it to the given size. */
export function createSyntheticDatabase(file: string, options: SyntheticOptions): SyntheticResult {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = openDatabase(path.resolve(file));
  try {
    prepareDatabase(db);
    const result = growDatabase(db, options);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    return result;
  } finally {
    db.$client.close();
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      workstreams: { type: "string", default: "100" },
      milestones: { type: "string", default: "10000" },
      seed: { type: "string", default: "42" },
    },
  });
  if (!values.out) {
    console.error("Usage: npm run db:synthetic -- --out FILE [--workstreams 100] [--milestones 10000] [--seed 42]");
    process.exit(2);
  }
  const options = { workstreams: Number(values.workstreams), milestones: Number(values.milestones), seed: Number(values.seed) };
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 0) {
      console.error(`--${name} must be a whole number, not ${String(value)}`);
      process.exit(2);
    }
  }
  const result = createSyntheticDatabase(values.out, options);
  console.log(
    `${values.out}: added ${result.workstreams} workstreams, ${result.milestones} milestones, ${result.history} history rows in ${(result.ms / 1000).toFixed(1)} s`,
  );
}

// Run as a script (npm run db:synthetic), not when imported by the benchmark or a test.
if (process.argv[1] && /synthetic\.ts$/.test(process.argv[1])) main();
