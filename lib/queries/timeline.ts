import "server-only";
import { and, asc, eq, gt, inArray, max, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import { bodyNameIn } from "@/lib/content/body-names";
import { localizedText } from "@/lib/content/localized-text";
import { LATE_STATUSES } from "@/lib/domain/attention";
import { DATE_RANGE } from "@/lib/domain/partial-date";
import { bandOf, type HistoryPoint, runsOn } from "@/lib/domain/status-segments";
import { BAR_ONGOING, BAR_OVERDUE, BAR_UNTRANSLATED } from "@/lib/domain/timeline-bar";
import { MILESTONE_STATUSES, NEVER_OVERDUE_STATUSES } from "@/lib/domain/status";
import { dayOf, type Day, type TimeWindow } from "@/lib/domain/timeline-window";
import type { Filters } from "@/lib/validation/filters";
import { latestReasons } from "./attention";
import { hasMilestoneFilter, milestoneConditions, workstreamConditions } from "./conditions";
import { rowsAsArrays } from "./dialect";
import { preparedQuery } from "./prepared";
import { milestoneTitleTranslations, workstreamTextsIn } from "./translations";

/**
 * The roadmap's reads. Rows are packed once per filter over all of time (so a bar keeps its row
 * while the window pans) and kept in memory with each milestone's status history; the cache is
 * keyed by the data's version (the last history id, milestone and workstream change), which every
 * write moves, so no command has to invalidate it. When only existing milestones changed (a
 * status set, a date re-planned), the packing takes them in place, moving a bar only if it no
 * longer fits its row, rather than packing all of them again. A request then only slices: the
 * lanes, or the bars of a range of rows in a stretch of time.
 */

const PRECISIONS = ["year", "month", "day"] as const;
/** A day-precision bar still takes this many days of its row, so markers never cover each other. */
const MIN_BAR_DAYS = 14;

type Lane = { id: number; slug: string; bodyCode: string; nameEn: string; nameZh: string; firstRow: number; rows: number; count: number };

type Packed = {
  version: string;
  /** What the version was read from: the packing takes later changes to milestones in place. */
  historyId: number;
  milestonesAt: string;
  workstreamsState: string;
  lanes: Lane[];
  totalRows: number;
  /** Each row's bars (indexes into the arrays below) in start order; the bars of a row never overlap. */
  rows: number[][];
  /** Each bar's lane (index into `lanes`) and row. */
  barLane: Int32Array;
  barRow: Int32Array;
  indexOfId: Map<number, number>;
  id: Int32Array;
  start: Int32Array;
  periodEnd: Int32Array;
  end: Int32Array;
  status: Uint8Array;
  precision: Uint8Array;
  info: { titleEn: string; titleZh: string; date: string; baseline: [Day, Day] | null }[];
  /** History per bar as packed (created and status entries, oldest first): `historyStart[i]..historyStart[i+1]`. */
  historyStart: Int32Array;
  historyDay: Int32Array;
  historyStatus: Uint8Array;
  historyKind: Uint8Array;
  /** The history of bars changed since the packing, read again. */
  historyOverride: Map<number, HistoryPoint[]>;
  /**
   * The latest reason of the late bars read so far, by milestone id (0: none written in the
   * tracker). It depends on the milestone's history alone, which moves the version, and a change
   * taken in place forgets the reasons of the milestones it touched.
   */
  reasons: Map<number, CompactReason | 0>;
};

const KINDS = ["created", "status"] as const;
// On globalThis: Next bundles each route and page separately, and they must share one packing.
const cache: Map<string, Packed> = ((globalThis as { __cebTimelineCache?: Map<string, Packed> }).__cebTimelineCache ??= new Map());
const CACHE_SIZE = 8;
/** More changed milestones than this since the last read, and the packing is made again from scratch. */
const MAX_CHANGES_IN_PLACE = 500;

type VersionParts = { historyId: number; milestonesAt: string; workstreamsState: string };

// Read on every request: prepared once, so a request binds and runs them without building SQL.
const lastHistoryId = preparedQuery((db) =>
  db
    .select({ id: max(statusHistory.id) })
    .from(statusHistory)
    .prepare(),
);
const lastMilestoneChange = preparedQuery((db) =>
  db
    .select({ at: max(milestones.updatedAt) })
    .from(milestones)
    .prepare(),
);
const workstreamsChange = preparedQuery((db) =>
  db
    .select({ at: max(workstreams.updatedAt), n: sql<number>`count(*)` })
    .from(workstreams)
    .prepare(),
);

async function versionParts(): Promise<VersionParts> {
  const historyId = (await lastHistoryId().execute())[0]?.id ?? 0;
  const milestonesAt = (await lastMilestoneChange().execute())[0]?.at ?? "";
  const streams = (await workstreamsChange().execute())[0];
  return { historyId, milestonesAt, workstreamsState: `${streams?.n ?? 0}.${streams?.at ?? ""}` };
}

const versionOf = (parts: VersionParts) => `${parts.historyId}.${parts.milestonesAt}.${parts.workstreamsState}`;

/** Moves whenever a milestone, its history or a workstream changes. */
export async function timelineVersion(): Promise<string> {
  return versionOf(await versionParts());
}

/** How often the packing was made from scratch and how often changes were taken in place (for tests and benchmarks). */
export const timelinePackingCounts = { packed: 0, updatedInPlace: 0 };

/** Forgets every packing (tests compare a packing changed in place with a fresh one). */
export function forgetTimelinePackings(): void {
  cache.clear();
}

const filterKey = (filters: Filters) =>
  JSON.stringify([filters.year ?? null, filters.body ?? null, [...(filters.status ?? [])].sort(), filters.q ?? null, filters.workstream ?? null]);

/** Ongoing work never ends: its bar reaches every later window (and keeps its row to itself from its start). */
const OPEN_REACH = Number.MAX_SAFE_INTEGER;
const reachOf = (packed: Packed, i: number) => (runsOn(MILESTONE_STATUSES[packed.status[i]!]!) ? OPEN_REACH : packed.end[i]!);
/** How far a bar keeps its row from others: short bars still take MIN_BAR_DAYS. */
const rowReachOf = (packed: Packed, i: number) =>
  runsOn(MILESTONE_STATUSES[packed.status[i]!]!) ? OPEN_REACH : Math.max(packed.end[i]!, packed.start[i]! + MIN_BAR_DAYS);

const MILESTONE_COLUMNS = {
  id: milestones.id,
  workstreamId: milestones.workstreamId,
  titleEn: milestones.titleEn,
  titleZh: milestones.titleZh,
  date: milestones.date,
  precision: milestones.datePrecision,
  periodStart: milestones.periodStart,
  periodEnd: milestones.periodEnd,
  status: milestones.status,
  baselineStart: milestones.baselinePeriodStart,
  baselineEnd: milestones.baselinePeriodEnd,
};

type MilestoneRow = {
  id: number;
  workstreamId: number;
  titleEn: string;
  titleZh: string;
  date: string;
  precision: (typeof PRECISIONS)[number];
  periodStart: string;
  periodEnd: string;
  status: (typeof MILESTONE_STATUSES)[number];
  baselineStart: string | null;
  baselineEnd: string | null;
};

const infoOf = (row: MilestoneRow) => ({
  titleEn: row.titleEn,
  titleZh: row.titleZh,
  date: row.date,
  baseline: row.baselineStart && row.baselineEnd ? ([dayOf(row.baselineStart), dayOf(row.baselineEnd)] as [Day, Day]) : null,
});

async function pack(filters: Filters, parts: VersionParts): Promise<Packed> {
  timelinePackingCounts.packed += 1;
  const db = getDb();
  const lanesRows = await db
    .select({ id: workstreams.id, slug: workstreams.slug, bodyCode: workstreams.bodyCode, nameEn: workstreams.nameEn, nameZh: workstreams.nameZh })
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .where(workstreamConditions(filters))
    .orderBy(asc(bodies.sortOrder), asc(bodies.code), asc(workstreams.position), asc(workstreams.nameEn));
  const laneIndex = new Map(lanesRows.map((lane, index) => [lane.id, index]));
  // Arrays rather than objects: at 100,000 milestones and 300,000 history rows this is most of the cost.
  const rows: MilestoneRow[] = (
    await rowsAsArrays(
      db
        .select(MILESTONE_COLUMNS)
        .from(milestones)
        .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
        .where(and(milestoneConditions(filters), workstreamConditions(filters)))
        .orderBy(asc(milestones.periodStart), asc(milestones.id)),
    )
  ).map(([id, workstreamId, titleEn, titleZh, date, precision, periodStart, periodEnd, status, baselineStart, baselineEnd]) => ({
    id: id as number,
    workstreamId: workstreamId as number,
    titleEn: titleEn as string,
    titleZh: titleZh as string,
    date: date as string,
    precision: precision as MilestoneRow["precision"],
    periodStart: periodStart as string,
    periodEnd: periodEnd as string,
    status: status as MilestoneRow["status"],
    baselineStart: baselineStart as string | null,
    baselineEnd: baselineEnd as string | null,
  }));

  // History of every milestone in one pass, grouped by milestone (oldest first).
  const wanted = new Set(rows.map((row) => row.id));
  const history = new Map<number, HistoryPoint[]>();
  const historyRows = await rowsAsArrays(
    getDb()
      .select({ milestoneId: statusHistory.milestoneId, status: statusHistory.toStatus, changedAt: statusHistory.changedAt, kind: statusHistory.kind })
      .from(statusHistory)
      .where(inArray(statusHistory.kind, [...KINDS]))
      .orderBy(asc(statusHistory.milestoneId), asc(statusHistory.changedAt), asc(statusHistory.id)),
  );
  for (const [milestoneId, status, changedAt, kind] of historyRows) {
    if (!wanted.has(milestoneId as number)) continue;
    let list = history.get(milestoneId as number);
    if (!list) history.set(milestoneId as number, (list = []));
    list.push({ day: dayOf(changedAt as string), status: status as string, kind: kind as HistoryPoint["kind"] });
  }

  // Greedy packing per lane, bars in start order: each takes the first row free by then.
  const laneRowEnds: number[][] = lanesRows.map(() => []);
  const placed = rows.flatMap((row) => {
    const lane = laneIndex.get(row.workstreamId);
    if (lane === undefined) return [];
    const start = dayOf(row.periodStart);
    const band = bandOf(start, dayOf(row.periodEnd), history.get(row.id) ?? [], row.status);
    const ends = laneRowEnds[lane]!;
    const reach = band.open ? OPEN_REACH : Math.max(band.end, start + MIN_BAR_DAYS);
    let sub = ends.findIndex((end) => end < start);
    if (sub === -1) sub = ends.push(reach) - 1;
    else ends[sub] = reach;
    return [{ row, lane, sub, start, end: band.end }];
  });
  let firstRow = 0;
  const lanes = lanesRows.map((lane, index) => {
    const laneRows = Math.max(1, laneRowEnds[index]!.length);
    const out = { ...lane, firstRow, rows: laneRows, count: 0 };
    firstRow += laneRows;
    return out;
  });
  for (const bar of placed) lanes[bar.lane]!.count += 1;
  const totalRows = firstRow;

  const n = placed.length;
  const packed: Packed = {
    version: versionOf(parts),
    ...parts,
    lanes,
    totalRows,
    rows: Array.from({ length: totalRows }, () => []),
    barLane: new Int32Array(n),
    barRow: new Int32Array(n),
    indexOfId: new Map(),
    id: new Int32Array(n),
    start: new Int32Array(n),
    periodEnd: new Int32Array(n),
    end: new Int32Array(n),
    status: new Uint8Array(n),
    precision: new Uint8Array(n),
    info: [],
    historyStart: new Int32Array(n + 1),
    historyDay: new Int32Array(historyRows.length),
    historyStatus: new Uint8Array(historyRows.length),
    historyKind: new Uint8Array(historyRows.length),
    historyOverride: new Map(),
    reasons: new Map(),
  };
  let h = 0;
  // Bars were placed in start order, so each row's list comes out in start order too.
  placed.forEach((bar, i) => {
    const row = lanes[bar.lane]!.firstRow + bar.sub;
    packed.rows[row]!.push(i);
    packed.barLane[i] = bar.lane;
    packed.barRow[i] = row;
    packed.indexOfId.set(bar.row.id, i);
    packed.id[i] = bar.row.id;
    packed.start[i] = bar.start;
    packed.periodEnd[i] = dayOf(bar.row.periodEnd);
    packed.end[i] = bar.end;
    packed.status[i] = MILESTONE_STATUSES.indexOf(bar.row.status);
    packed.precision[i] = PRECISIONS.indexOf(bar.row.precision);
    packed.info.push(infoOf(bar.row));
    packed.historyStart[i] = h;
    for (const point of history.get(bar.row.id) ?? []) {
      packed.historyDay[h] = point.day;
      packed.historyStatus[h] = MILESTONE_STATUSES.indexOf(point.status as (typeof MILESTONE_STATUSES)[number]);
      packed.historyKind[h] = KINDS.indexOf(point.kind as (typeof KINDS)[number]);
      h++;
    }
  });
  packed.historyStart[n] = h;
  return packed;
}

/** Whether bar `i` can go into `row` without overlapping its bars. */
function fitsIn(packed: Packed, row: number, i: number): boolean {
  const bars = packed.rows[row]!;
  const start = packed.start[i]!;
  let lo = 0;
  let hi = bars.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (packed.start[bars[mid]!]! <= start) lo = mid + 1;
    else hi = mid;
  }
  const before = bars[lo - 1];
  const after = bars[lo];
  return (before === undefined || rowReachOf(packed, before) < start) && (after === undefined || rowReachOf(packed, i) < packed.start[after]!);
}

function insertInRow(packed: Packed, row: number, i: number): void {
  const bars = packed.rows[row]!;
  let at = 0;
  while (at < bars.length && packed.start[bars[at]!]! <= packed.start[i]!) at++;
  bars.splice(at, 0, i);
  packed.barRow[i] = row;
}

/**
 * Puts a changed bar where it fits: its own row if it still does, else the first row of its lane
 * that has room, else a new row at the end of its lane (the rows below move down by one).
 */
function replace(packed: Packed, i: number): void {
  const own = packed.rows[packed.barRow[i]!]!;
  own.splice(own.indexOf(i), 1);
  if (fitsIn(packed, packed.barRow[i]!, i)) return insertInRow(packed, packed.barRow[i]!, i);
  const laneIndex = packed.barLane[i]!;
  const lane = packed.lanes[laneIndex]!;
  for (let row = lane.firstRow; row < lane.firstRow + lane.rows; row++) {
    if (fitsIn(packed, row, i)) return insertInRow(packed, row, i);
  }
  const added = lane.firstRow + lane.rows;
  packed.rows.splice(added, 0, []);
  lane.rows += 1;
  packed.totalRows += 1;
  for (let later = laneIndex + 1; later < packed.lanes.length; later++) packed.lanes[later]!.firstRow += 1;
  for (let bar = 0; bar < packed.barRow.length; bar++) if (packed.barRow[bar]! >= added) packed.barRow[bar]! += 1;
  insertInRow(packed, added, i);
}

/**
 * Takes the milestones changed since the packing into it (status, history, dates, titles), each
 * bar moved only if it no longer fits its row. Returns false when it cannot: a milestone added,
 * removed or moved to another workstream, a filter on milestones (their membership may change),
 * or too many changes; the caller then packs from scratch.
 */
async function updateInPlace(packed: Packed, filters: Filters, parts: VersionParts): Promise<boolean> {
  if (hasMilestoneFilter(filters) || parts.workstreamsState !== packed.workstreamsState) return false;
  const db = getDb();
  const touched = new Set<number>();
  for (const row of await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(gt(milestones.updatedAt, packed.milestonesAt))
    .limit(MAX_CHANGES_IN_PLACE + 1))
    touched.add(row.id);
  for (const row of await db
    .selectDistinct({ id: statusHistory.milestoneId })
    .from(statusHistory)
    .where(gt(statusHistory.id, packed.historyId))
    .limit(MAX_CHANGES_IN_PLACE + 1))
    touched.add(row.id);
  if (touched.size > MAX_CHANGES_IN_PLACE) return false;
  const ids = [...touched];
  const laneOfWorkstream = new Map(packed.lanes.map((lane, index) => [lane.id, index]));
  const changed = ids.length
    ? await db
        .select({ ...MILESTONE_COLUMNS, removedAt: milestones.removedAt, year: milestones.year })
        .from(milestones)
        .where(inArray(milestones.id, ids))
    : [];
  const histories = new Map<number, HistoryPoint[]>();
  if (ids.length) {
    for (const point of await db
      .select({ milestoneId: statusHistory.milestoneId, status: statusHistory.toStatus, changedAt: statusHistory.changedAt, kind: statusHistory.kind })
      .from(statusHistory)
      .where(and(inArray(statusHistory.milestoneId, ids), inArray(statusHistory.kind, [...KINDS])))
      .orderBy(asc(statusHistory.milestoneId), asc(statusHistory.changedAt), asc(statusHistory.id))) {
      let list = histories.get(point.milestoneId);
      if (!list) histories.set(point.milestoneId, (list = []));
      list.push({ day: dayOf(point.changedAt), status: point.status, kind: point.kind as HistoryPoint["kind"] });
    }
  }
  // Check every change first, so a refusal leaves the packing as it was.
  const updates: { i: number; row: (typeof changed)[number] }[] = [];
  for (const row of changed) {
    const i = packed.indexOfId.get(row.id);
    const shown = !row.removedAt && row.year >= DATE_RANGE.min && row.year <= DATE_RANGE.max && laneOfWorkstream.has(row.workstreamId);
    if (i === undefined) {
      if (shown) return false;
      continue;
    }
    if (!shown || packed.lanes[packed.barLane[i]!]!.id !== row.workstreamId) return false;
    updates.push({ i, row });
  }
  for (const { i, row } of updates) {
    const history = histories.get(row.id) ?? [];
    const start = dayOf(row.periodStart);
    const periodEnd = dayOf(row.periodEnd);
    packed.start[i] = start;
    packed.periodEnd[i] = periodEnd;
    packed.end[i] = bandOf(start, periodEnd, history, row.status).end;
    packed.status[i] = MILESTONE_STATUSES.indexOf(row.status);
    packed.precision[i] = PRECISIONS.indexOf(row.precision);
    packed.info[i] = infoOf(row);
    packed.historyOverride.set(i, history);
    packed.reasons.delete(row.id);
    replace(packed, i);
  }
  Object.assign(packed, parts, { version: versionOf(parts) });
  timelinePackingCounts.updatedInPlace += 1;
  return true;
}

async function packedFor(filters: Filters): Promise<Packed> {
  const parts = await versionParts();
  const version = versionOf(parts);
  const key = filterKey(filters);
  const hit = cache.get(key);
  if (hit && (hit.version === version || (await updateInPlace(hit, filters, parts)))) return hit;
  const fresh = await pack(filters, parts);
  cache.delete(key);
  cache.set(key, fresh);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return fresh;
}

function historyOf(packed: Packed, i: number): HistoryPoint[] {
  const changed = packed.historyOverride.get(i);
  if (changed) return changed;
  const out: HistoryPoint[] = [];
  for (let h = packed.historyStart[i]!; h < packed.historyStart[i + 1]!; h++) {
    out.push({ day: packed.historyDay[h]!, status: MILESTONE_STATUSES[packed.historyStatus[h]!]!, kind: KINDS[packed.historyKind[h]!]! });
  }
  return out;
}

/** A group of lanes (a parent body); its `lanes` lanes follow each other in the lane order. */
export type TimelineGroup = { code: string; name: string; lanes: number };
export type TimelineLane = { slug: string; name: string; lang: Locale; translated: boolean; group: string; firstRow: number; rows: number; count: number };

/**
 * The roadmap's frame: every group, how many rows every lane takes (enough to lay out and scroll
 * the whole roadmap), and the names of one page of lanes, `lanes[0]` being lane `laneOffset`.
 */
export type TimelineFrame = {
  version: string;
  statuses: readonly string[];
  totalRows: number;
  groups: TimelineGroup[];
  /** Rows of every lane, in lane order. */
  laneRows: number[];
  laneOffset: number;
  lanes: TimelineLane[];
  /** The last day any matching milestone's bar reaches, or null when nothing matches. */
  latest: string | null;
};

/**
 * The lanes (workstreams) matching the filters, in group order, with their rows; names in the
 * page's language. Every lane's name by default, or those of one page of lanes.
 */
export async function timelineFrame(filters: Filters, locale: Locale, page: { offset?: number; limit?: number } = {}): Promise<TimelineFrame> {
  const packed = await packedFor(filters);
  const offset = Math.min(page.offset ?? 0, packed.lanes.length);
  const named = packed.lanes.slice(offset, page.limit === undefined ? undefined : offset + page.limit);
  const texts = await workstreamTextsIn(
    named.map((lane) => lane.id),
    locale,
  );
  const bodyRows = await getDb().select().from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.code));
  const lanesPerGroup = new Map<string, number>();
  for (const lane of packed.lanes) lanesPerGroup.set(lane.bodyCode, (lanesPerGroup.get(lane.bodyCode) ?? 0) + 1);
  let latest = -Infinity;
  for (let i = 0; i < packed.end.length; i++) if (packed.end[i]! > latest) latest = packed.end[i]!;
  return {
    version: packed.version,
    statuses: MILESTONE_STATUSES,
    totalRows: packed.totalRows,
    groups: bodyRows
      .filter((body) => lanesPerGroup.has(body.code))
      .map((body) => ({ code: body.code, name: bodyNameIn(locale, body), lanes: lanesPerGroup.get(body.code)! })),
    laneRows: packed.lanes.map((lane) => lane.rows),
    laneOffset: offset,
    lanes: named.map((lane) => {
      const name = localizedText(locale, { en: lane.nameEn, zh: lane.nameZh }, texts.get(lane.id)?.name);
      return {
        slug: lane.slug,
        name: name.text,
        lang: name.lang,
        translated: name.translated,
        group: lane.bodyCode,
        firstRow: lane.firstRow,
        rows: lane.rows,
        count: lane.count,
      };
    }),
    latest: Number.isFinite(latest) ? new Date(latest * 86_400_000).toISOString().slice(0, 10) : null,
  };
}

/**
 * One bar, compact: [id, row, start, periodEnd, end, status, precision, flags, title, date,
 * segments, baseline, reason]. Days are day numbers; status and precision index `statuses` and
 * year/month/day; flags: 1 overdue, 2 title not translated (English shown), 4 ongoing (runs on
 * past `end`, which is then at least today, to the end of the window); segments are
 * [start day, status index] pairs flattened; baseline is [first day, last day] or 0; reason is
 * the latest reason of a delayed, at-risk or overdue milestone written in the tracker,
 * [note or "", author's display name, ISO timestamp], or 0.
 */
export type CompactBar = [number, number, number, number, number, number, number, number, string, string, number[], [number, number] | 0, CompactReason | 0];
export type CompactReason = [string, string, string];

export type TimelineBars = { version: string; rows: [number, number]; window: [number, number]; bars: CompactBar[] };

/** The bars of rows `[fromRow, toRow)` that reach into a stretch of time, titles in the page's language. */
export async function timelineBars(filters: Filters, locale: Locale, window: TimeWindow, fromRow: number, toRow: number, today: string): Promise<TimelineBars> {
  const packed = await packedFor(filters);
  const picked: number[] = [];
  const last = Math.min(toRow, packed.totalRows);
  for (let row = Math.max(0, fromRow); row < last; row++) {
    const bars = packed.rows[row]!;
    // Bars of a row do not overlap, so their ends rise with their starts: find the first that reaches the window.
    let lo = 0;
    let hi = bars.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const bar = bars[mid]!;
      if (Math.max(reachOf(packed, bar), packed.start[bar]! + 1) < window.start) lo = mid + 1;
      else hi = mid;
    }
    for (let at = lo; at < bars.length && packed.start[bars[at]!]! <= window.end; at++) picked.push(bars[at]!);
  }
  const titles = await milestoneTitleTranslations(
    picked.map((i) => packed.id[i]!),
    locale,
  );
  const todayDay = dayOf(today);
  const neverOverdue = NEVER_OVERDUE_STATUSES.map((status) => MILESTONE_STATUSES.indexOf(status));
  const late = LATE_STATUSES.map((status) => MILESTONE_STATUSES.indexOf(status));
  const isOverdue = (i: number) => !neverOverdue.includes(packed.status[i]!) && packed.periodEnd[i]! < todayDay;
  // The latest reason, for the bars that need attention only (as on the overview's attention list).
  const unread = picked.filter((i) => (late.includes(packed.status[i]!) || isOverdue(i)) && !packed.reasons.has(packed.id[i]!)).map((i) => packed.id[i]!);
  const read = await latestReasons(unread);
  for (const id of unread) {
    const reason = read.get(id);
    packed.reasons.set(id, reason?.by ? [reason.note ?? "", reason.by, reason.at] : 0);
  }
  const bars = picked.map((i): CompactBar => {
    const info = packed.info[i]!;
    const id = packed.id[i]!;
    const title = localizedText(locale, { en: info.titleEn, zh: info.titleZh }, titles.get(id));
    const status = packed.status[i]!;
    const overdue = isOverdue(i);
    const band = bandOf(packed.start[i]!, packed.periodEnd[i]!, historyOf(packed, i), MILESTONE_STATUSES[status]!, todayDay);
    const segments = band.segments.flatMap((segment) => [segment.start, MILESTONE_STATUSES.indexOf(segment.status as (typeof MILESTONE_STATUSES)[number])]);
    const row = packed.barRow[i]!;
    const flags = (overdue ? BAR_OVERDUE : 0) | (title.translated ? 0 : BAR_UNTRANSLATED) | (band.open ? BAR_ONGOING : 0);
    return [
      id,
      row,
      packed.start[i]!,
      packed.periodEnd[i]!,
      band.end,
      status,
      packed.precision[i]!,
      flags,
      title.text,
      info.date,
      segments,
      info.baseline ?? 0,
      late.includes(status) || overdue ? (packed.reasons.get(id) ?? 0) : 0,
    ];
  });
  return { version: packed.version, rows: [fromRow, toRow], window: [window.start, window.end], bars };
}

export type PortfolioPoint = { quarterEnd: string; counts: Record<string, number> };

/**
 * How many milestones were in each status at the end of each quarter: a milestone counts once
 * its period has begun, in the status it had that day (its first recorded status before that).
 */
export async function portfolioByQuarter(filters: Filters, quarterEnds: Day[]): Promise<PortfolioPoint[]> {
  const packed = await packedFor(filters);
  const counts = quarterEnds.map(() => new Array<number>(MILESTONE_STATUSES.length).fill(0));
  for (let i = 0; i < packed.id.length; i++) {
    const band = bandOf(packed.start[i]!, packed.periodEnd[i]!, historyOf(packed, i), MILESTONE_STATUSES[packed.status[i]!]!);
    let segment = 0;
    quarterEnds.forEach((end, q) => {
      if (band.start > end) return;
      while (segment + 1 < band.segments.length && band.segments[segment + 1]!.start <= end) segment++;
      const status = MILESTONE_STATUSES.indexOf(band.segments[segment]!.status as (typeof MILESTONE_STATUSES)[number]);
      counts[q]![status]! += 1;
    });
  }
  return quarterEnds.map((end, q) => ({
    quarterEnd: new Date(end * 86_400_000).toISOString().slice(0, 10),
    counts: Object.fromEntries(MILESTONE_STATUSES.map((status, s) => [status, counts[q]![s]!])),
  }));
}

/** Whether any matching bar reaches into a window (the page opens on today only when something is there). */
export async function timelineHasBarsIn(filters: Filters, window: TimeWindow): Promise<boolean> {
  const packed = await packedFor(filters);
  for (let i = 0; i < packed.id.length; i++) if (packed.start[i]! <= window.end && reachOf(packed, i) >= window.start) return true;
  return false;
}

/** The baseline (first planned period) of re-planned milestones among the given ones, by id. */
export async function baselinesOf(ids: number[]): Promise<Map<number, { date: string; periodStart: string; periodEnd: string }>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ id: milestones.id, date: milestones.baselineDate, periodStart: milestones.baselinePeriodStart, periodEnd: milestones.baselinePeriodEnd })
    .from(milestones)
    .where(and(inArray(milestones.id, ids), sql`${milestones.baselinePeriodEnd} is not null`));
  return new Map(rows.map((row) => [row.id, { date: row.date!, periodStart: row.periodStart!, periodEnd: row.periodEnd! }]));
}
