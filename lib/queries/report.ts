import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import { emptyStatusCounts, type StatusCounts } from "@/lib/domain/health";
import type { MilestoneStatus } from "@/lib/domain/status";
import { isOpenExpression, milestoneConditions, monthExpression, overdueCount } from "./conditions";
import { milestoneColumns, type MilestoneRow } from "./milestones";
import { cachedRead } from "./cache";
import { dueAndCompletedCounts } from "./stats";
import { workstreamWithBodyColumns } from "./workstreams";

/** Which milestones a report covers besides its year: some workstreams, some statuses. */
export type ReportScope = { workstreams?: string[]; statuses?: MilestoneStatus[] };

function scopeConditions(year: number, scope: ReportScope): SQL | undefined {
  return and(milestoneConditions({ year, status: scope.statuses }), scope.workstreams?.length ? inArray(workstreams.slug, scope.workstreams) : undefined);
}

export type CountsRow = { workstreamId: number; counts: StatusCounts; overdue: number; total: number };

/** Milestones of a year by workstream and status, and how many are overdue, counted in SQL. */
async function readCountsByWorkstream(year: number, scope: ReportScope, today: string): Promise<Map<number, CountsRow>> {
  const rows = await getDb()
    .select({
      workstreamId: milestones.workstreamId,
      status: milestones.status,
      n: count(),
      overdue: overdueCount(today),
    })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(scopeConditions(year, scope))
    .groupBy(milestones.workstreamId, milestones.status);
  const byWorkstream = new Map<number, CountsRow>();
  for (const row of rows) {
    const entry = byWorkstream.get(row.workstreamId) ?? { workstreamId: row.workstreamId, counts: emptyStatusCounts(), overdue: 0, total: 0 };
    entry.counts[row.status] += row.n;
    entry.overdue += row.overdue;
    entry.total += row.n;
    byWorkstream.set(row.workstreamId, entry);
  }
  return byWorkstream;
}

export type ReportWorkstreamRow = {
  id: number;
  slug: string;
  nameEn: string;
  nameZh: string;
  bodyCode: string;
  bodyShortNameEn: string;
  bodyNameEn: string;
  bodyNameZh: string;
  leads: string[];
  summaryEn: string;
  summaryZh: string;
  paragraphs: number[];
};

/** The given workstreams (by id, or by slug) with their parent body, in the report's order. */
async function readWorkstreamsForReport(ids: number[], slugs: string[] = []): Promise<ReportWorkstreamRow[]> {
  if (!ids.length && !slugs.length) return [];
  return await getDb()
    .select(workstreamWithBodyColumns)
    .from(workstreams)
    .innerJoin(bodies, eq(bodies.code, workstreams.bodyCode))
    .where(sql`${ids.length ? inArray(workstreams.id, ids) : sql`1 = 0`} OR ${slugs.length ? inArray(workstreams.slug, slugs) : sql`1 = 0`}`)
    .orderBy(asc(workstreams.position), asc(workstreams.nameEn));
}

/** Slugs among `slugs` that name no workstream. */
export async function unknownWorkstreamSlugs(slugs: string[]): Promise<string[]> {
  if (!slugs.length) return [];
  const known = new Set((await getDb().select({ slug: workstreams.slug }).from(workstreams).where(inArray(workstreams.slug, slugs))).map((row) => row.slug));
  return slugs.filter((slug) => !known.has(slug));
}

/** Workstreams with milestones in a year, for the report's options. */
async function readWorkstreamChoices(year: number): Promise<{ id: number; slug: string; nameEn: string; nameZh: string }[]> {
  return (
    await getDb()
      .selectDistinct({ id: workstreams.id, slug: workstreams.slug, nameEn: workstreams.nameEn, nameZh: workstreams.nameZh, position: workstreams.position })
      .from(workstreams)
      .innerJoin(milestones, eq(milestones.workstreamId, workstreams.id))
      .where(milestoneConditions({ year }))
      .orderBy(asc(workstreams.position), asc(workstreams.nameEn))
  ).map(({ position: _position, ...choice }) => choice);
}

/** The report reads milestones with the same columns as the rest of the tracker. */
export type ReportMilestoneRow = MilestoneRow;

/** Every milestone of the year in scope, by workstream (report order) and date. */
async function readMilestonesOfYear(year: number, scope: ReportScope, today: string): Promise<ReportMilestoneRow[]> {
  return await getDb()
    .select(milestoneColumns(today))
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(scopeConditions(year, scope))
    .orderBy(asc(workstreams.position), asc(workstreams.nameEn), asc(milestones.periodStart), asc(milestones.periodEnd), asc(milestones.id));
}

/** Open milestones of the given workstreams dated in `year` (the report's "planned next"). */
async function readOpenMilestonesOfYear(year: number, workstreamIds: number[], scope: ReportScope, today: string): Promise<ReportMilestoneRow[]> {
  if (!workstreamIds.length) return [];
  return await getDb()
    .select(milestoneColumns(today))
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(and(milestoneConditions({ year, status: scope.statuses }), inArray(milestones.workstreamId, workstreamIds), isOpenExpression))
    .orderBy(asc(workstreams.position), asc(workstreams.nameEn), asc(milestones.periodStart), asc(milestones.id));
}

/**
 * Why each milestone of the year in scope has its current status: the note of the latest
 * history entry that changed it into that status (entries written by the seed only record
 * where a milestone came from, and have no previous status).
 */
async function readStatusReasons(year: number, scope: ReportScope): Promise<Map<number, string>> {
  const rows = await getDb()
    .select({ milestoneId: statusHistory.milestoneId, note: statusHistory.note })
    .from(statusHistory)
    .innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId))
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(
      and(
        scopeConditions(year, scope),
        isNotNull(statusHistory.note),
        sql`trim(${statusHistory.note}) <> ''`,
        isNotNull(statusHistory.fromStatus),
        ne(statusHistory.fromStatus, statusHistory.toStatus),
        eq(statusHistory.toStatus, milestones.status),
      ),
    )
    .orderBy(desc(statusHistory.changedAt), desc(statusHistory.id));
  const reasons = new Map<number, string>();
  for (const row of rows) if (row.note && !reasons.has(row.milestoneId)) reasons.set(row.milestoneId, row.note.trim());
  return reasons;
}

/** Milestones of the year in scope due and completed by month ("2021-10"), as `dueAndCompletedCounts` counts them. */
async function readMonthlyCounts(year: number, scope: ReportScope): Promise<{ due: Map<string, number>; completed: Map<string, number> }> {
  return await dueAndCompletedCounts(scopeConditions(year, scope), monthExpression);
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const countsByWorkstream = cachedRead("countsByWorkstream", ["milestones", "workstreams", "translations"], readCountsByWorkstream);
export const workstreamsForReport = cachedRead("workstreamsForReport", ["milestones", "workstreams", "translations"], readWorkstreamsForReport);
export const workstreamChoices = cachedRead("workstreamChoices", ["milestones", "workstreams", "translations"], readWorkstreamChoices);
export const milestonesOfYear = cachedRead("milestonesOfYear", ["milestones", "workstreams", "translations"], readMilestonesOfYear);
export const openMilestonesOfYear = cachedRead("openMilestonesOfYear", ["milestones", "workstreams", "translations"], readOpenMilestonesOfYear);
export const statusReasons = cachedRead("statusReasons", ["milestones", "workstreams", "translations"], readStatusReasons);
export const monthlyCounts = cachedRead("monthlyCounts", ["milestones", "workstreams", "translations"], readMonthlyCounts);
