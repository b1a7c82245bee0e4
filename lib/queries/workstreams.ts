import "server-only";
import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams, type Evidence } from "@/db/schema";
import { type Health, healthOf, progressOf, type StatusCounts } from "@/lib/domain/health";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { Filters } from "@/lib/validation/filters";
import {
  hasMilestoneFilter,
  isOpenExpression,
  milestoneConditions,
  overdueCount,
  workstreamConditions,
} from "./conditions";
import { type Page, pageOf } from "./pagination";

const statusCountColumns = Object.fromEntries(
  MILESTONE_STATUSES.map((status) => [
    status,
    sql<number>`coalesce(sum(case when ${milestones.status} = ${status} then 1 else 0 end), 0)`.mapWith(Number),
  ]),
) as Record<MilestoneStatus, SQL.Aliased<number> | SQL<number>>;

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
  progress: { completed: number; total: number; ratio: number };
  health: Health;
  nextOpen: { id: number; titleEn: string; titleZh: string; date: string; periodEnd: string; status: MilestoneStatus } | null;
  lastChangeAt: string | null;
};

/**
 * One page of workstreams with their milestone aggregates, all counted in SQL. With a year or
 * status filter, counts cover the matching milestones only, and workstreams with none drop out.
 */
export function listWorkstreamSummaries(
  filters: Filters,
  paging: { page: number; pageSize: number },
  today: string,
): Page<WorkstreamSummary> {
  const db = getDb();
  const joinOn = and(eq(milestones.workstreamId, workstreams.id), milestoneConditions(filters));
  const where = workstreamConditions(filters);
  const having = hasMilestoneFilter(filters) ? sql`count(${milestones.id}) > 0` : undefined;

  const grouped = db
    .select({
      id: workstreams.id,
      slug: workstreams.slug,
      nameEn: workstreams.nameEn,
      nameZh: workstreams.nameZh,
      bodyCode: workstreams.bodyCode,
      bodyNameEn: bodies.nameEn,
      bodyShortNameEn: bodies.shortNameEn,
      leads: workstreams.leads,
      paragraphs: workstreams.paragraphs,
      total: count(milestones.id),
      overdue: overdueCount(today),
      ...statusCountColumns,
    })
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .leftJoin(milestones, joinOn)
    .where(where)
    .groupBy(workstreams.id)
    .having(having);

  const totalRow = db.select({ n: count() }).from(grouped.as("grouped")).get();
  const totalItems = totalRow?.n ?? 0;
  const { page, pageSize, offset, totalPages } = pageOf(paging, totalItems);
  const rows = grouped.orderBy(asc(workstreams.position), asc(workstreams.nameEn)).limit(pageSize).offset(offset).all();
  const ids = rows.map((row) => row.id);

  const nextOpen = nextOpenMilestones(ids, filters);
  const lastChanges = lastChangeByWorkstream(ids);

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
      progress: progressOf(counts),
      health: healthOf(counts, row.overdue),
      nextOpen: nextOpen.get(row.id) ?? null,
      lastChangeAt: lastChanges.get(row.id) ?? null,
    };
  });
  return { items, page, pageSize, totalItems, totalPages };
}

/** The earliest open (not completed, not cancelled) milestone of each workstream. */
function nextOpenMilestones(ids: number[], filters: Filters): Map<number, NonNullable<WorkstreamSummary["nextOpen"]>> {
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
  const rows = getDb().select().from(ranked).where(eq(ranked.rank, 1)).all();
  return new Map(rows.map(({ workstreamId, rank: _rank, ...milestone }) => [workstreamId, milestone]));
}

function lastChangeByWorkstream(ids: number[]): Map<number, string> {
  if (!ids.length) return new Map();
  const rows = getDb()
    .select({ workstreamId: milestones.workstreamId, at: sql<string>`max(${statusHistory.changedAt})` })
    .from(statusHistory)
    .innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId))
    .where(inArray(milestones.workstreamId, ids))
    .groupBy(milestones.workstreamId)
    .all();
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
};

export function getWorkstreamBySlug(slug: string, today: string): WorkstreamDetail | null {
  const db = getDb();
  const row = db
    .select({
      id: workstreams.id,
      slug: workstreams.slug,
      nameEn: workstreams.nameEn,
      nameZh: workstreams.nameZh,
      bodyCode: workstreams.bodyCode,
      bodyNameEn: bodies.nameEn,
      bodyNameZh: bodies.nameZh,
      leads: workstreams.leads,
      summaryEn: workstreams.summaryEn,
      summaryZh: workstreams.summaryZh,
      paragraphs: workstreams.paragraphs,
      evidence: workstreams.evidence,
      version: workstreams.version,
    })
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .where(eq(workstreams.slug, slug))
    .get();
  if (!row) return null;
  const aggregate = db
    .select({
      overdue: overdueCount(today),
      ...statusCountColumns,
    })
    .from(milestones)
    .where(and(eq(milestones.workstreamId, row.id), milestoneConditions({})))
    .get();
  const counts = Object.fromEntries(
    MILESTONE_STATUSES.map((s) => [s, Number(aggregate?.[s] ?? 0)]),
  ) as StatusCounts;
  const overdue = aggregate?.overdue ?? 0;
  return { ...row, counts, overdue, health: healthOf(counts, overdue), progress: progressOf(counts) };
}
