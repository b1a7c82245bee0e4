import "server-only";
import { and, asc, count, desc, eq, inArray, max, min, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams, workstreamTranslations, workstreamWatches, type Evidence } from "@/db/schema";
import { isTranslationLocale, type Locale } from "@/i18n/locales";
import { type Health, healthOf, progressOf, type StatusCounts } from "@/lib/domain/health";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { Filters, WorkstreamSort } from "@/lib/validation/filters";
import { hasMilestoneFilter, isOpenExpression, milestoneConditions, overdueCount, slipMonthsExpression, workstreamConditions } from "./conditions";
import { type Page, pageOf } from "./pagination";
import { cachedRead } from "./cache";
import { caseInsensitive } from "./dialect";

const statusCountColumns = Object.fromEntries(
  MILESTONE_STATUSES.map((status) => [status, sql<number>`coalesce(sum(case when ${milestones.status} = ${status} then 1 else 0 end), 0)`.mapWith(Number)]),
) as Record<MilestoneStatus, SQL.Aliased<number> | SQL<number>>;

/**
 * A workstream with its parent body, as the lists, the workstream's page and the report read it
 * (joined on `bodies.code = workstreams.bodyCode`). Each read returns only what it shows.
 */
export const workstreamWithBodyColumns = {
  id: workstreams.id,
  slug: workstreams.slug,
  nameEn: workstreams.nameEn,
  nameZh: workstreams.nameZh,
  bodyCode: workstreams.bodyCode,
  bodyShortNameEn: bodies.shortNameEn,
  bodyNameEn: bodies.nameEn,
  bodyNameZh: bodies.nameZh,
  leads: workstreams.leads,
  summaryEn: workstreams.summaryEn,
  summaryZh: workstreams.summaryZh,
  paragraphs: workstreams.paragraphs,
};

export type WorkstreamSummary = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  bodyNameEn: string;
  bodyShortNameEn: string;
  leads: string[];
  paragraphs: number[];
  counts: StatusCounts;
  total: number;
  overdue: number;
  /** Open milestones re-planned to a later date, and the longest slip among them in months. */
  slipped: { count: number; maxMonths: number };
  progress: { completed: number; total: number; ratio: number };
  health: Health;
  nextOpen: { id: number; titleEn: string; titleZh: string; date: string; periodEnd: string; status: MilestoneStatus } | null;
  lastChangeAt: string | null;
  /**
   * Under a year, status or search filter the counts above cover the selected milestones only;
   * this is the workstream's whole progress, so a card can show both. Null without such a filter.
   */
  overall: { total: number; progress: { completed: number; total: number; ratio: number } } | null;
  /** The asking user watches this workstream (it comes first on their overview). */
  watched: boolean;
};

export type SummaryOptions = {
  sort?: WorkstreamSort;
  /** Whose watch list puts workstreams first (and sets `watched`). */
  watcherId?: string | null;
  /** The language a sort by name follows. */
  locale?: Locale;
};

/** Open milestones re-planned to a later date, and the longest slip among them in months. */
const slippedColumns = {
  slippedCount: sql<number>`coalesce(sum(case when ${isOpenExpression} and ${slipMonthsExpression} > 0 then 1 else 0 end), 0)`.mapWith(Number),
  slippedMaxMonths: sql<number>`coalesce(max(case when ${isOpenExpression} then ${slipMonthsExpression} end), 0)`.mapWith(Number),
};

/**
 * Every workstream with its milestone aggregates, counted in SQL, in the sort's order. With a
 * year or status filter, counts cover the matching milestones only, and workstreams with none
 * drop out. The same for every reader, so it is cached once for all of them.
 */
async function readOrderedSummaryRows(filters: Filters, today: string, sort: WorkstreamSort, locale: Locale) {
  const joinOn = and(eq(milestones.workstreamId, workstreams.id), milestoneConditions(filters));
  const having = hasMilestoneFilter(filters) ? sql`count(${milestones.id}) > 0` : undefined;
  return await getDb()
    .select({
      ...workstreamWithBodyColumns,
      total: count(milestones.id),
      overdue: overdueCount(today),
      ...slippedColumns,
      ...statusCountColumns,
    })
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .leftJoin(milestones, joinOn)
    .where(workstreamConditions(filters))
    // The body too: PostgreSQL needs every selected table grouped by its key.
    .groupBy(workstreams.id, bodies.code)
    .having(having)
    .orderBy(...sortOrder(sort, today, locale), asc(workstreams.position), asc(workstreams.nameEn));
}

const orderedSummaryRows = cachedRead("orderedSummaryRows", ["milestones", "workstreams", "translations"], readOrderedSummaryRows);

/**
 * One page of workstreams with their milestone aggregates; the reader's watched workstreams come
 * first (in the sort's order among themselves), as their own overview shows them.
 */
async function readListWorkstreamSummaries(
  filters: Filters,
  paging: { page: number; pageSize: number },
  today: string,
  options: SummaryOptions = {},
): Promise<Page<WorkstreamSummary>> {
  const all = await orderedSummaryRows(filters, today, options.sort ?? "report", options.locale ?? "en");
  const watchedIds = new Set(
    options.watcherId
      ? (await getDb().select({ id: workstreamWatches.workstreamId }).from(workstreamWatches).where(eq(workstreamWatches.userId, options.watcherId))).map(
          (row) => row.id,
        )
      : [],
  );
  const ordered = watchedIds.size ? [...all.filter((row) => watchedIds.has(row.id)), ...all.filter((row) => !watchedIds.has(row.id))] : all;
  const { page, pageSize, offset, totalPages } = pageOf(paging, ordered.length);
  const totalItems = ordered.length;
  const rows = ordered.slice(offset, offset + pageSize);
  const ids = rows.map((row) => row.id);

  const nextOpen = await nextOpenMilestones(ids, filters);
  const lastChanges = await lastChangeByWorkstream(ids);
  const overall = hasMilestoneFilter(filters) ? await overallProgress(ids) : new Map<number, WorkstreamSummary["overall"]>();

  const items = rows.map((row): WorkstreamSummary => {
    const counts = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, Number(row[s])])) as StatusCounts;
    return {
      id: row.id,
      slug: row.slug,
      nameEn: row.nameEn,
      nameZh: row.nameZh,
      bodyCode: row.bodyCode,
      bodyNameEn: row.bodyNameEn,
      bodyShortNameEn: row.bodyShortNameEn,
      leads: row.leads,
      paragraphs: row.paragraphs,
      counts,
      total: row.total,
      overdue: row.overdue,
      slipped: { count: row.slippedCount, maxMonths: row.slippedMaxMonths },
      progress: progressOf(counts),
      health: healthOf(counts, row.overdue),
      nextOpen: nextOpen.get(row.id) ?? null,
      lastChangeAt: lastChanges.get(row.id) ?? null,
      overall: overall.get(row.id) ?? null,
      watched: watchedIds.has(row.id),
    };
  });
  return { items, page, pageSize, totalItems, totalPages };
}

/**
 * ORDER BY terms for a sort (the report's order breaks ties). The health sort mirrors `healthOf`
 * in lib/domain/health.ts: off track (a delayed or overdue milestone), then at risk, then on track;
 * a test keeps the two in step.
 */
function sortOrder(sort: WorkstreamSort, today: string, locale: Locale): SQL[] {
  const delayed = sql`sum(case when ${milestones.status} = 'delayed' then 1 else 0 end)`;
  const atRisk = sql`sum(case when ${milestones.status} = 'at_risk' then 1 else 0 end)`;
  switch (sort) {
    case "health":
      return [sql`case when ${delayed} > 0 or ${overdueCount(today)} > 0 then 0 when ${atRisk} > 0 then 1 else 2 end`, desc(overdueCount(today))];
    case "overdue":
      return [desc(overdueCount(today))];
    case "updated":
      return [
        sql`(select max(${statusHistory.changedAt}) from ${statusHistory} inner join ${milestones} m2 on m2.id = ${statusHistory.milestoneId} where m2.workstream_id = ${workstreams.id}) desc nulls last`,
      ];
    case "name": {
      const translated = isTranslationLocale(locale)
        ? sql`(select ${workstreamTranslations.name} from ${workstreamTranslations} where ${workstreamTranslations.workstreamId} = ${workstreams.id} and ${workstreamTranslations.locale} = ${locale})`
        : sql`null`;
      return [caseInsensitive(sql`coalesce(${translated}, ${locale === "zh" ? workstreams.nameZh : workstreams.nameEn})`)];
    }
    case "report":
      return [];
  }
}

/** Every live milestone of each workstream counted, whatever the filters: the whole progress. */
async function overallProgress(ids: number[]): Promise<Map<number, WorkstreamSummary["overall"]>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ workstreamId: milestones.workstreamId, ...statusCountColumns })
    .from(milestones)
    .where(and(inArray(milestones.workstreamId, ids), milestoneConditions({})))
    .groupBy(milestones.workstreamId);
  return new Map(
    rows.map((row) => {
      const counts = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, Number(row[s])])) as StatusCounts;
      return [row.workstreamId, { total: Object.values(counts).reduce((sum, n) => sum + n, 0), progress: progressOf(counts) }];
    }),
  );
}

/** The earliest open (not completed, not cancelled) milestone of each workstream. */
async function nextOpenMilestones(ids: number[], filters: Filters): Promise<Map<number, NonNullable<WorkstreamSummary["nextOpen"]>>> {
  if (!ids.length) return new Map();
  const ranked = getDb()
    .select({
      id: milestones.id,
      workstreamId: milestones.workstreamId,
      titleEn: milestones.titleEn,
      titleZh: milestones.titleZh,
      date: milestones.date,
      periodEnd: milestones.periodEnd,
      status: milestones.status,
      rank: sql<number>`row_number() over (partition by ${milestones.workstreamId} order by ${milestones.periodStart}, ${milestones.id})`.as("rank"),
    })
    .from(milestones)
    .where(and(inArray(milestones.workstreamId, ids), isOpenExpression, milestoneConditions(filters)))
    .as("ranked");
  const rows = await getDb().select().from(ranked).where(eq(ranked.rank, 1));
  return new Map(rows.map(({ workstreamId, rank: _rank, ...milestone }) => [workstreamId, milestone]));
}

async function lastChangeByWorkstream(ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await getDb()
    .select({ workstreamId: milestones.workstreamId, at: sql<string>`max(${statusHistory.changedAt})` })
    .from(statusHistory)
    .innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId))
    .where(inArray(milestones.workstreamId, ids))
    .groupBy(milestones.workstreamId);
  return new Map(rows.map((row) => [row.workstreamId, row.at]));
}

export type WorkstreamDetail = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  bodyNameEn: string;
  bodyNameZh: string;
  leads: string[];
  summaryEn: string;
  summaryZh: string;
  paragraphs: number[];
  evidence: Evidence[];
  /** What a change must send back (409 when it moved on). */
  version: number;
  counts: StatusCounts;
  overdue: number;
  health: Health;
  progress: { completed: number; total: number; ratio: number };
  slipped: { count: number; maxMonths: number };
  /** The first day of its earliest milestone's period and the last of its latest one's, or null without milestones. */
  span: { start: string; end: string } | null;
};

async function readGetWorkstreamBySlug(slug: string, today: string): Promise<WorkstreamDetail | null> {
  const db = getDb();
  const found = (
    await db
      .select({ ...workstreamWithBodyColumns, evidence: workstreams.evidence, version: workstreams.version })
      .from(workstreams)
      .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
      .where(eq(workstreams.slug, slug))
      .limit(1)
  )[0];
  if (!found) return null;
  // The detail names its body in full (bodyNameEn, bodyNameZh); the short name is for the lists.
  const { bodyShortNameEn: _bodyShortNameEn, ...row } = found;
  const aggregate = (
    await db
      .select({
        overdue: overdueCount(today),
        ...slippedColumns,
        ...statusCountColumns,
        spanStart: min(milestones.periodStart),
        spanEnd: max(milestones.periodEnd),
      })
      .from(milestones)
      .where(and(eq(milestones.workstreamId, row.id), milestoneConditions({})))
      .limit(1)
  )[0];
  const counts = Object.fromEntries(MILESTONE_STATUSES.map((s) => [s, Number(aggregate?.[s] ?? 0)])) as StatusCounts;
  const overdue = aggregate?.overdue ?? 0;
  return {
    ...row,
    counts,
    overdue,
    health: healthOf(counts, overdue),
    progress: progressOf(counts),
    slipped: { count: aggregate?.slippedCount ?? 0, maxMonths: aggregate?.slippedMaxMonths ?? 0 },
    span: aggregate?.spanStart && aggregate.spanEnd ? { start: aggregate.spanStart, end: aggregate.spanEnd } : null,
  };
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const listWorkstreamSummaries = cachedRead(
  "listWorkstreamSummaries",
  ["milestones", "workstreams", "translations", "watches"],
  readListWorkstreamSummaries,
);
export const getWorkstreamBySlug = cachedRead("getWorkstreamBySlug", ["milestones", "workstreams", "translations"], readGetWorkstreamBySlug);
