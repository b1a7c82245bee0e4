import "server-only";
import { and, asc, eq, inArray, max, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import { bodyNameIn } from "@/lib/content/body-names";
import { localizedText } from "@/lib/content/localized-text";
import { LATE_STATUSES } from "@/lib/domain/attention";
import { bandOf, type HistoryPoint, runsOn } from "@/lib/domain/status-segments";
import { BAR_ONGOING, BAR_OVERDUE, BAR_UNTRANSLATED } from "@/lib/domain/timeline-bar";
import { MILESTONE_STATUSES, NEVER_OVERDUE_STATUSES } from "@/lib/domain/status";
import { dayOf, type Day, type TimeWindow } from "@/lib/domain/timeline-window";
import type { Filters } from "@/lib/validation/filters";
import { latestReasons } from "./attention";
import { milestoneConditions, workstreamConditions } from "./conditions";
import { milestoneTitleTranslations, workstreamTextsIn } from "./translations";

/**
 * The roadmap's reads. Rows are packed once per filter over all of time (so a bar keeps its row
 * while the window pans) and kept in memory with each milestone's status history; the cache is
 * keyed by the data's version (the last history id and workstream change), which every write
 * moves, so no command has to invalidate it. A request then only slices: the lanes, or the bars
 * of a range of rows in a stretch of time.
 */

const PRECISIONS = ["year", "month", "day"] as const;
/** A day-precision bar still takes this many days of its row, so markers never cover each other. */
const MIN_BAR_DAYS = 14;

type Packed = {
  version: string;
  lanes: { id: number; slug: string; bodyCode: string; nameEn: string; nameZh: string; firstRow: number; rows: number; count: number }[];
  totalRows: number;
  /** Bars sorted by row then start; `rowStart[r]..rowStart[r+1]` are row r's. */
  rowStart: Int32Array;
  id: Int32Array;
  start: Int32Array;
  periodEnd: Int32Array;
  end: Int32Array;
  status: Uint8Array;
  precision: Uint8Array;
  info: { titleEn: string; titleZh: string; date: string; baseline: [Day, Day] | null }[];
  /** History per bar (created and status entries, oldest first): `historyStart[i]..historyStart[i+1]`. */
  historyStart: Int32Array;
  historyDay: Int32Array;
  historyStatus: Uint8Array;
  historyKind: Uint8Array;
};

const KINDS = ["created", "status"] as const;
// On globalThis: Next bundles each route and page separately, and they must share one packing.
const cache: Map<string, Packed> = ((globalThis as { __cebTimelineCache?: Map<string, Packed> }).__cebTimelineCache ??= new Map());
const CACHE_SIZE = 8;

/** Moves whenever a milestone, its history or a workstream changes. */
export function timelineVersion(): string {
  const db = getDb();
  const history = db.select({ id: max(statusHistory.id) }).from(statusHistory).get()?.id ?? 0;
  const changed = db.select({ at: max(milestones.updatedAt) }).from(milestones).get()?.at ?? "";
  const streams = db.select({ at: max(workstreams.updatedAt), n: sql<number>`count(*)` }).from(workstreams).get();
  return `${history}.${changed}.${streams?.n ?? 0}.${streams?.at ?? ""}`;
}

const filterKey = (filters: Filters) => JSON.stringify([filters.year ?? null, filters.body ?? null, [...(filters.status ?? [])].sort(), filters.q ?? null]);

/** Ongoing work never ends: its bar reaches every later window (and keeps its row to itself from its start). */
const OPEN_REACH = Number.MAX_SAFE_INTEGER;
const reachOf = (packed: Packed, i: number) => (runsOn(MILESTONE_STATUSES[packed.status[i]!]!) ? OPEN_REACH : packed.end[i]!);

function pack(filters: Filters, version: string): Packed {
  const db = getDb();
  const lanesRows = db
    .select({ id: workstreams.id, slug: workstreams.slug, bodyCode: workstreams.bodyCode, nameEn: workstreams.nameEn, nameZh: workstreams.nameZh })
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .where(workstreamConditions(filters))
    .orderBy(asc(bodies.sortOrder), asc(bodies.code), asc(workstreams.position), asc(workstreams.nameEn))
    .all();
  const laneIndex = new Map(lanesRows.map((lane, index) => [lane.id, index]));
  // Arrays rather than objects: at 100,000 milestones and 300,000 history rows this is most of the cost.
  const rows = db
    .select({
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
    })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(and(milestoneConditions(filters), workstreamConditions(filters)))
    .orderBy(asc(milestones.periodStart), asc(milestones.id))
    .values()
    .map(([id, workstreamId, titleEn, titleZh, date, precision, periodStart, periodEnd, status, baselineStart, baselineEnd]) => ({
      id: id as number,
      workstreamId: workstreamId as number,
      titleEn: titleEn as string,
      titleZh: titleZh as string,
      date: date as string,
      precision: precision as (typeof PRECISIONS)[number],
      periodStart: periodStart as string,
      periodEnd: periodEnd as string,
      status: status as (typeof MILESTONE_STATUSES)[number],
      baselineStart: baselineStart as string | null,
      baselineEnd: baselineEnd as string | null,
    }));

  // History of every milestone in one pass, grouped by milestone (oldest first).
  const wanted = new Set(rows.map((row) => row.id));
  const history = new Map<number, HistoryPoint[]>();
  const historyRows = getDb()
    .select({ milestoneId: statusHistory.milestoneId, status: statusHistory.toStatus, changedAt: statusHistory.changedAt, kind: statusHistory.kind })
    .from(statusHistory)
    .where(inArray(statusHistory.kind, [...KINDS]))
    .orderBy(asc(statusHistory.milestoneId), asc(statusHistory.changedAt), asc(statusHistory.id))
    .values();
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
  const withRow = placed.map((bar) => ({ ...bar, globalRow: lanes[bar.lane]!.firstRow + bar.sub }));
  withRow.sort((a, b) => a.globalRow - b.globalRow || a.start - b.start);

  const n = withRow.length;
  const packed: Packed = {
    version,
    lanes,
    totalRows,
    rowStart: new Int32Array(totalRows + 1),
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
  };
  let h = 0;
  let row = 0;
  withRow.forEach((bar, i) => {
    while (row <= bar.globalRow) packed.rowStart[row++] = i;
    packed.id[i] = bar.row.id;
    packed.start[i] = bar.start;
    packed.periodEnd[i] = dayOf(bar.row.periodEnd);
    packed.end[i] = bar.end;
    packed.status[i] = MILESTONE_STATUSES.indexOf(bar.row.status);
    packed.precision[i] = PRECISIONS.indexOf(bar.row.precision);
    packed.info.push({
      titleEn: bar.row.titleEn,
      titleZh: bar.row.titleZh,
      date: bar.row.date,
      baseline: bar.row.baselineStart && bar.row.baselineEnd ? [dayOf(bar.row.baselineStart), dayOf(bar.row.baselineEnd)] : null,
    });
    packed.historyStart[i] = h;
    for (const point of history.get(bar.row.id) ?? []) {
      packed.historyDay[h] = point.day;
      packed.historyStatus[h] = MILESTONE_STATUSES.indexOf(point.status as (typeof MILESTONE_STATUSES)[number]);
      packed.historyKind[h] = KINDS.indexOf(point.kind as (typeof KINDS)[number]);
      h++;
    }
  });
  while (row <= totalRows) packed.rowStart[row++] = n;
  packed.historyStart[n] = h;
  return packed;
}

function packedFor(filters: Filters): Packed {
  const version = timelineVersion();
  const key = filterKey(filters);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit;
  const fresh = pack(filters, version);
  cache.delete(key);
  cache.set(key, fresh);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return fresh;
}

function historyOf(packed: Packed, i: number): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  for (let h = packed.historyStart[i]!; h < packed.historyStart[i + 1]!; h++) {
    out.push({ day: packed.historyDay[h]!, status: MILESTONE_STATUSES[packed.historyStatus[h]!]!, kind: KINDS[packed.historyKind[h]!]! });
  }
  return out;
}

export type TimelineGroup = { code: string; name: string };
export type TimelineLane = { slug: string; name: string; lang: Locale; translated: boolean; group: string; firstRow: number; rows: number; count: number };

export type TimelineFrame = {
  version: string;
  statuses: readonly string[];
  totalRows: number;
  groups: TimelineGroup[];
  lanes: TimelineLane[];
  /** The last day any matching milestone's bar reaches, or null when nothing matches. */
  latest: string | null;
};

/** Every lane (workstream) matching the filters, in group order, with its rows; names in the page's language. */
export function timelineFrame(filters: Filters, locale: Locale): TimelineFrame {
  const packed = packedFor(filters);
  const texts = workstreamTextsIn(packed.lanes.map((lane) => lane.id), locale);
  const bodyRows = getDb().select().from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.code)).all();
  const used = new Set(packed.lanes.map((lane) => lane.bodyCode));
  let latest = -Infinity;
  for (let i = 0; i < packed.end.length; i++) if (packed.end[i]! > latest) latest = packed.end[i]!;
  return {
    version: packed.version,
    statuses: MILESTONE_STATUSES,
    totalRows: packed.totalRows,
    groups: bodyRows.filter((body) => used.has(body.code)).map((body) => ({ code: body.code, name: bodyNameIn(locale, body) })),
    lanes: packed.lanes.map((lane) => {
      const name = localizedText(locale, { en: lane.nameEn, zh: lane.nameZh }, texts.get(lane.id)?.name);
      return { slug: lane.slug, name: name.text, lang: name.lang, translated: name.translated, group: lane.bodyCode, firstRow: lane.firstRow, rows: lane.rows, count: lane.count };
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
export function timelineBars(filters: Filters, locale: Locale, window: TimeWindow, fromRow: number, toRow: number, today: string): TimelineBars {
  const packed = packedFor(filters);
  const picked: number[] = [];
  const last = Math.min(toRow, packed.totalRows);
  for (let row = Math.max(0, fromRow); row < last; row++) {
    const from = packed.rowStart[row]!;
    const to = packed.rowStart[row + 1]!;
    // Bars of a row do not overlap, so their ends rise with their starts: find the first that reaches the window.
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Math.max(reachOf(packed, mid), packed.start[mid]! + 1) < window.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < to && packed.start[i]! <= window.end; i++) picked.push(i);
  }
  const titles = milestoneTitleTranslations(picked.map((i) => packed.id[i]!), locale);
  const todayDay = dayOf(today);
  const neverOverdue = NEVER_OVERDUE_STATUSES.map((status) => MILESTONE_STATUSES.indexOf(status));
  const late = LATE_STATUSES.map((status) => MILESTONE_STATUSES.indexOf(status));
  const isOverdue = (i: number) => !neverOverdue.includes(packed.status[i]!) && packed.periodEnd[i]! < todayDay;
  // The latest reason, for the bars that need attention only (as on the overview's attention list).
  const reasons = latestReasons(picked.filter((i) => late.includes(packed.status[i]!) || isOverdue(i)).map((i) => packed.id[i]!));
  const bars = picked.map((i): CompactBar => {
    const info = packed.info[i]!;
    const id = packed.id[i]!;
    const title = localizedText(locale, { en: info.titleEn, zh: info.titleZh }, titles.get(id));
    const status = packed.status[i]!;
    const overdue = isOverdue(i);
    const band = bandOf(packed.start[i]!, packed.periodEnd[i]!, historyOf(packed, i), MILESTONE_STATUSES[status]!, todayDay);
    const segments = band.segments.flatMap((segment) => [segment.start, MILESTONE_STATUSES.indexOf(segment.status as (typeof MILESTONE_STATUSES)[number])]);
    const row = rowOf(packed, i);
    const reason = reasons.get(id);
    const flags = (overdue ? BAR_OVERDUE : 0) | (title.translated ? 0 : BAR_UNTRANSLATED) | (band.open ? BAR_ONGOING : 0);
    return [id, row, packed.start[i]!, packed.periodEnd[i]!, band.end, status, packed.precision[i]!, flags, title.text, info.date, segments, info.baseline ?? 0, reason?.by ? [reason.note ?? "", reason.by, reason.at] : 0];
  });
  return { version: packed.version, rows: [fromRow, toRow], window: [window.start, window.end], bars };
}

function rowOf(packed: Packed, i: number): number {
  let lo = 0;
  let hi = packed.totalRows - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (packed.rowStart[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type PortfolioPoint = { quarterEnd: string; counts: Record<string, number> };

/**
 * How many milestones were in each status at the end of each quarter: a milestone counts once
 * its period has begun, in the status it had that day (its first recorded status before that).
 */
export function portfolioByQuarter(filters: Filters, quarterEnds: Day[]): PortfolioPoint[] {
  const packed = packedFor(filters);
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
export function timelineHasBarsIn(filters: Filters, window: TimeWindow): boolean {
  const packed = packedFor(filters);
  for (let i = 0; i < packed.id.length; i++) if (packed.start[i]! <= window.end && reachOf(packed, i) >= window.start) return true;
  return false;
}

/** The baseline (first planned period) of re-planned milestones among the given ones, by id. */
export function baselinesOf(ids: number[]): Map<number, { date: string; periodStart: string; periodEnd: string }> {
  if (!ids.length) return new Map();
  const rows = getDb()
    .select({ id: milestones.id, date: milestones.baselineDate, periodStart: milestones.baselinePeriodStart, periodEnd: milestones.baselinePeriodEnd })
    .from(milestones)
    .where(and(inArray(milestones.id, ids), sql`${milestones.baselinePeriodEnd} is not null`))
    .all();
  return new Map(rows.map((row) => [row.id, { date: row.date!, periodStart: row.periodStart!, periodEnd: row.periodEnd! }]));
}
