import "server-only";
import { and, between, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { bodies, milestones, workstreams } from "@/db/schema";
import { DATE_RANGE } from "@/lib/domain/partial-date";
import { CLOSED_STATUSES, NEVER_OVERDUE_STATUSES } from "@/lib/domain/status";
import type { Filters } from "@/lib/validation/filters";
import { searchCondition } from "./search";

/**
 * Conditions on milestones (year, status, search) from the shared filters; removed milestones
 * never show, and neither does a date outside DATE_RANGE (refused on the way in since; a row
 * written before that, or around the commands, is left out rather than breaking a page or an
 * export). A search selects every milestone of a workstream whose own text matches, and the
 * matching milestones of the others.
 */
export function milestoneConditions(filters: Filters): SQL | undefined {
  return and(
    isNull(milestones.removedAt),
    between(milestones.year, DATE_RANGE.min, DATE_RANGE.max),
    filters.year !== undefined ? eq(milestones.year, filters.year) : undefined,
    filters.status?.length ? inArray(milestones.status, filters.status) : undefined,
    filters.q ? searchCondition(filters.q) : undefined,
  );
}

/**
 * Conditions on workstreams (parent body, including the bodies below it; one workstream by its
 * slug). An unknown body matches nothing rather than everything.
 */
export function workstreamConditions(filters: Filters): SQL | undefined {
  return and(
    filters.body ? sql`${workstreams.bodyCode} in (${bodyScope(filters.body)})` : undefined,
    filters.workstream ? eq(workstreams.slug, filters.workstream) : undefined,
  );
}

/** SQL: the codes of a body and of every body below it (HLCM and its networks); none for an unknown code. */
const bodyScope = (code: string) =>
  sql`with recursive scope(code) as (select ${bodies.code} from ${bodies} where ${bodies.code} = ${code} union select child.code from ${bodies} child inner join scope on child.parent_code = scope.code) select code from scope`;

export const hasMilestoneFilter = (filters: Filters) => filters.year !== undefined || Boolean(filters.status?.length) || Boolean(filters.q);

const closedList = sql.raw(CLOSED_STATUSES.map((status) => `'${status}'`).join(", "));
const neverOverdueList = sql.raw(NEVER_OVERDUE_STATUSES.map((status) => `'${status}'`).join(", "));

/** SQL: 1 when a milestone's period has passed and it is still open (ongoing work never is). */
export const overdueExpression = (today: string) => sql`(${milestones.status} NOT IN (${neverOverdueList}) AND ${milestones.periodEnd} < ${today})`;

/** SQL aggregate: how many rows of the group are overdue (0 for an empty group). */
export const overdueCount = (today: string) => sql<number>`coalesce(sum(case when ${overdueExpression(today)} then 1 else 0 end), 0)`.mapWith(Number);

/** SQL: months from the end of a re-planned milestone's baseline period to the end of its period (as `slipMonths` in lib/domain/slip.ts); null if never re-planned. */
const monthIndex = (column: SQL | typeof milestones.periodEnd | typeof milestones.baselinePeriodEnd) =>
  sql`(cast(substr(${column}, 1, 4) as integer) * 12 + cast(substr(${column}, 6, 2) as integer))`;
export const slipMonthsExpression = sql<
  number | null
>`(case when ${milestones.baselinePeriodStart} is null then null else ${monthIndex(milestones.periodEnd)} - ${monthIndex(milestones.baselinePeriodEnd)} end)`;

export const isOpenExpression = sql`${milestones.status} NOT IN (${closedList})`;

/** SQL: the calendar quarter ("2021-Q4") of an ISO day column. */
export const quarterExpression = (column: SQL | typeof milestones.periodEnd) =>
  sql<string>`substr(${column}, 1, 4) || '-Q' || ((cast(substr(${column}, 6, 2) as integer) + 2) / 3)`;

/** SQL: the calendar month ("2021-10") of an ISO day column. */
export const monthExpression = (column: SQL | typeof milestones.periodEnd) => sql<string>`substr(${column}, 1, 7)`;
