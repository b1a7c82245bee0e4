import "server-only";
import { and, count, eq, notInArray, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { milestones, workstreams } from "@/db/schema";
import { emptyStatusCounts, type StatusCounts } from "@/lib/domain/health";
import { UNCOUNTED_STATUSES } from "@/lib/domain/status";
import type { Filters } from "@/lib/validation/filters";
import { milestoneConditions, overdueCount, quarterExpression, workstreamConditions } from "./conditions";
import { cachedRead } from "./cache";

export type StatusTotals = { counts: StatusCounts; total: number; overdue: number };

/** Milestones by status across every workstream the filters select. */
async function readStatusTotals(filters: Filters, today: string): Promise<StatusTotals> {
  const db = getDb();
  const where = and(milestoneConditions(filters), workstreamConditions(filters));
  const rows = await db
    .select({ status: milestones.status, n: count() })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(where)
    .groupBy(milestones.status);
  const overdue =
    (
      await db
        .select({ n: overdueCount(today) })
        .from(milestones)
        .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
        .where(where)
        .limit(1)
    )[0]?.n ?? 0;
  const counts = emptyStatusCounts();
  for (const row of rows) counts[row.status] = row.n;
  return { counts, total: rows.reduce((sum, row) => sum + row.n, 0), overdue };
}

export type QuarterPoint = {
  quarter: string;
  /** Milestones due in this quarter (by the end of their date's period), cancelled and ongoing left out. */
  due: number;
  completed: number;
  cumulativeDue: number;
  cumulativeCompleted: number;
};

/**
 * Milestones due and completed per period (a quarter, a month, as `periodOf` maps an ISO day
 * column), counted in SQL among those `where` selects. A milestone is due in the period its
 * date's period ends in ("2021" falls due in December), cancelled and ongoing ones left out; a
 * completion counts in the period of its completion date, or of its own date when none is known.
 */
export async function dueAndCompletedCounts(
  where: SQL | undefined,
  periodOf: (dayColumn: SQL | typeof milestones.periodEnd) => SQL<string>,
): Promise<{ due: Map<string, number>; completed: Map<string, number> }> {
  const db = getDb();
  const duePeriod = periodOf(milestones.periodEnd);
  const donePeriod = periodOf(sql`coalesce(${milestones.completedPeriodEnd}, ${milestones.periodEnd})`);
  const due = await db
    .select({ period: duePeriod, n: count() })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(and(where, notInArray(milestones.status, [...UNCOUNTED_STATUSES])))
    .groupBy(duePeriod);
  const completed = await db
    .select({ period: donePeriod, n: count() })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(and(where, eq(milestones.status, "completed")))
    .groupBy(donePeriod);
  return {
    due: new Map(due.map((row) => [row.period, row.n])),
    completed: new Map(completed.map((row) => [row.period, row.n])),
  };
}

/**
 * Milestones over time by quarter: how many were due and how many were completed (as
 * `dueAndCompletedCounts` counts them), and the running totals.
 */
async function readQuarterlyProgress(filters: Filters): Promise<QuarterPoint[]> {
  const { due, completed } = await dueAndCompletedCounts(and(milestoneConditions(filters), workstreamConditions(filters)), quarterExpression);
  const byQuarter = (counts: Map<string, number>) => [...counts].map(([quarter, n]) => ({ quarter, n }));
  return cumulateByQuarter(byQuarter(due), byQuarter(completed));
}

/** Merges per-quarter counts into a continuous quarter series with running totals. */
export function cumulateByQuarter(due: { quarter: string; n: number }[], completed: { quarter: string; n: number }[]): QuarterPoint[] {
  const quarters = [...due, ...completed].map((row) => row.quarter).sort();
  if (!quarters.length) return [];
  const dueBy = new Map(due.map((row) => [row.quarter, row.n]));
  const doneBy = new Map(completed.map((row) => [row.quarter, row.n]));
  const series: QuarterPoint[] = [];
  let cumulativeDue = 0;
  let cumulativeCompleted = 0;
  for (let quarter = quarters[0]!; quarter <= quarters[quarters.length - 1]!; quarter = nextQuarter(quarter)) {
    const d = dueBy.get(quarter) ?? 0;
    const c = doneBy.get(quarter) ?? 0;
    cumulativeDue += d;
    cumulativeCompleted += c;
    series.push({ quarter, due: d, completed: c, cumulativeDue, cumulativeCompleted });
  }
  return series;
}

export function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Years that have milestones, newest first, for the year filter. */
async function readMilestoneYears(): Promise<number[]> {
  return (
    await getDb()
      .selectDistinct({ year: milestones.year })
      .from(milestones)
      .where(milestoneConditions({}))
      .orderBy(sql`${milestones.year} desc`)
  ).map((row) => row.year);
}

/**
 * The latest year in which milestones were completed (by their completion date, or their own
 * date when none was recorded): the year `/reports` opens. Null when nothing was completed.
 */
export async function latestCompletionYear(): Promise<number | null> {
  const row = (
    await getDb()
      .select({ year: sql<string | null>`max(substr(coalesce(${milestones.completedOn}, ${milestones.date}), 1, 4))` })
      .from(milestones)
      .where(and(milestoneConditions({}), eq(milestones.status, "completed")))
      .limit(1)
  )[0];
  return row?.year ? Number(row.year) : null;
}

/** First and last day covered by the milestones the filters select (the timeline's extent). */
async function readMilestoneExtent(filters: Filters): Promise<{ start: string; end: string } | null> {
  const row = (
    await getDb()
      .select({ start: sql<string | null>`min(${milestones.periodStart})`, end: sql<string | null>`max(${milestones.periodEnd})` })
      .from(milestones)
      .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
      .where(and(milestoneConditions(filters), workstreamConditions(filters)))
      .limit(1)
  )[0];
  return row?.start && row.end ? { start: row.start, end: row.end } : null;
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const statusTotals = cachedRead("statusTotals", ["milestones", "workstreams", "translations"], readStatusTotals);
export const quarterlyProgress = cachedRead("quarterlyProgress", ["milestones", "workstreams", "translations"], readQuarterlyProgress);
export const milestoneYears = cachedRead("milestoneYears", ["milestones", "workstreams", "translations"], readMilestoneYears);
export const milestoneExtent = cachedRead("milestoneExtent", ["milestones", "workstreams", "translations"], readMilestoneExtent);
