import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type HistoryKind, milestones, statusHistory, workstreams, type Evidence } from "@/db/schema";
import type { DatePrecision } from "@/lib/domain/partial-date";
import { actorDisplayName, SEED_ACTOR } from "@/lib/domain/actor-name";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { Filters } from "@/lib/validation/filters";
import { milestoneConditions, overdueExpression, workstreamConditions } from "./conditions";
import { type Page, pageOf } from "./pagination";
import { cachedRead } from "./cache";

export type MilestoneRow = {
  id: number;
  workstreamId: number;
  workstreamSlug: string;
  workstreamNameEn: string;
  titleEn: string;
  titleZh: string;
  date: string;
  datePrecision: DatePrecision;
  /** The first planned date of a re-planned milestone (ADR 011), else null. */
  baselineDate: string | null;
  periodStart: string;
  periodEnd: string;
  status: MilestoneStatus;
  overdue: boolean;
  completedOn: string | null;
  sourceParagraph: number | null;
  sourceFootnote: number | null;
  /** Other paragraphs of the source it draws on (e.g. the one that dates it). */
  alsoParagraphs: number[];
  quoteZh: string | null;
  evidence: Evidence[];
  version: number;
  updatedAt: string;
};

/** The columns of a MilestoneRow (the query must join workstreams). */
export const milestoneColumns = (today: string) => ({
  id: milestones.id,
  workstreamId: milestones.workstreamId,
  workstreamSlug: workstreams.slug,
  workstreamNameEn: workstreams.nameEn,
  titleEn: milestones.titleEn,
  titleZh: milestones.titleZh,
  date: milestones.date,
  datePrecision: milestones.datePrecision,
  baselineDate: milestones.baselineDate,
  periodStart: milestones.periodStart,
  periodEnd: milestones.periodEnd,
  status: milestones.status,
  overdue: sql<boolean>`${overdueExpression(today)}`.mapWith((value) => Boolean(value)),
  completedOn: milestones.completedOn,
  sourceParagraph: milestones.sourceParagraph,
  sourceFootnote: milestones.sourceFootnote,
  alsoParagraphs: milestones.alsoParagraphs,
  quoteZh: milestones.quoteZh,
  evidence: milestones.evidence,
  version: milestones.version,
  updatedAt: milestones.updatedAt,
});

/** Milestones matching the filters (and optionally one workstream), in date order, one page. */
async function readListMilestones(filters: Filters, paging: { page: number; pageSize: number }, today: string): Promise<Page<MilestoneRow>> {
  const db = getDb();
  const where = and(milestoneConditions(filters), workstreamConditions(filters));
  const totalItems =
    (await db.select({ n: count() }).from(milestones).innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId)).where(where).limit(1))[0]?.n ?? 0;
  const { page, pageSize, offset, totalPages } = pageOf(paging, totalItems);
  const items = await db
    .select(milestoneColumns(today))
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(where)
    .orderBy(asc(milestones.periodStart), asc(milestones.periodEnd), asc(milestones.id))
    .limit(pageSize)
    .offset(offset);
  return { items, page, pageSize, totalItems, totalPages };
}

/** Every milestone of the given workstreams that matches the filters (timeline lanes). */
async function readMilestonesOfWorkstreams(ids: number[], filters: Filters, today: string): Promise<MilestoneRow[]> {
  if (!ids.length) return [];
  return await getDb()
    .select(milestoneColumns(today))
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(and(inArray(milestones.workstreamId, ids), milestoneConditions(filters)))
    .orderBy(asc(milestones.periodStart), asc(milestones.periodEnd), asc(milestones.id));
}

export type HistoryEntry = {
  id: number;
  milestoneId: number;
  kind: HistoryKind;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus;
  changedAt: string;
  /** Who made the change, by name: pages and the API never show an editor's email. */
  actor: string;
  actorUserId: string | null;
  note: string | null;
  evidence: Evidence[];
  changes: Record<string, { from: unknown; to: unknown }> | null;
};

/** Status history of the given milestones, newest first, grouped by milestone. */
async function readHistoryOfMilestones(ids: number[]): Promise<Map<number, HistoryEntry[]>> {
  const byMilestone = new Map<number, HistoryEntry[]>();
  if (!ids.length) return byMilestone;
  const rows = await getDb()
    .select()
    .from(statusHistory)
    .where(inArray(statusHistory.milestoneId, ids))
    .orderBy(desc(statusHistory.changedAt), desc(statusHistory.id));
  for (const row of rows) {
    const list = byMilestone.get(row.milestoneId) ?? [];
    list.push({ ...row, actor: actorDisplayName(row.actor) });
    byMilestone.set(row.milestoneId, list);
  }
  return byMilestone;
}

export type RecentChange = HistoryEntry & {
  milestoneTitleEn: string;
  milestoneTitleZh: string;
  milestoneRemoved: boolean;
  workstreamId: number;
  workstreamSlug: string;
  workstreamNameEn: string;
  workstreamNameZh: string;
};

const recentChangeColumns = {
  id: statusHistory.id,
  milestoneId: statusHistory.milestoneId,
  kind: statusHistory.kind,
  fromStatus: statusHistory.fromStatus,
  toStatus: statusHistory.toStatus,
  changedAt: statusHistory.changedAt,
  actor: statusHistory.actor,
  actorUserId: statusHistory.actorUserId,
  note: statusHistory.note,
  evidence: statusHistory.evidence,
  changes: statusHistory.changes,
  milestoneTitleEn: milestones.titleEn,
  milestoneTitleZh: milestones.titleZh,
  milestoneRemoved: sql<boolean>`${milestones.removedAt} is not null`.mapWith(Boolean),
  workstreamId: workstreams.id,
  workstreamSlug: workstreams.slug,
  workstreamNameEn: workstreams.nameEn,
  workstreamNameZh: workstreams.nameZh,
};

/** The latest changes made in the tracker (the report's own initial entries left out), newest first. */
async function readRecentChanges(limit: number): Promise<RecentChange[]> {
  return (
    await getDb()
      .select(recentChangeColumns)
      .from(statusHistory)
      .innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId))
      .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
      .where(sql`${statusHistory.actor} <> ${SEED_ACTOR}`)
      .orderBy(desc(statusHistory.changedAt), desc(statusHistory.id))
      .limit(limit)
  ).map((row) => ({ ...row, actor: actorDisplayName(row.actor) }));
}

/** Every change to one workstream's milestones (the report's own entries too), newest first, one page. */
async function readChangesOfWorkstream(workstreamId: number, paging: { page: number; pageSize: number }): Promise<Page<RecentChange>> {
  const db = getDb();
  const where = eq(milestones.workstreamId, workstreamId);
  const totalItems =
    (await db.select({ n: count() }).from(statusHistory).innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId)).where(where).limit(1))[0]?.n ?? 0;
  const { page, pageSize, offset, totalPages } = pageOf(paging, totalItems);
  const items = (
    await db
      .select(recentChangeColumns)
      .from(statusHistory)
      .innerJoin(milestones, eq(milestones.id, statusHistory.milestoneId))
      .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
      .where(where)
      .orderBy(desc(statusHistory.changedAt), desc(statusHistory.id))
      .limit(pageSize)
      .offset(offset)
  ).map((row) => ({ ...row, actor: actorDisplayName(row.actor) }));
  return { items, page, pageSize, totalItems, totalPages };
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const listMilestones = cachedRead("listMilestones", ["milestones", "workstreams", "translations"], readListMilestones);
export const milestonesOfWorkstreams = cachedRead("milestonesOfWorkstreams", ["milestones", "workstreams", "translations"], readMilestonesOfWorkstreams);
export const historyOfMilestones = cachedRead("historyOfMilestones", ["milestones", "workstreams", "translations"], readHistoryOfMilestones);
export const recentChanges = cachedRead("recentChanges", ["milestones", "workstreams", "translations"], readRecentChanges);
export const changesOfWorkstream = cachedRead("changesOfWorkstream", ["milestones", "workstreams", "translations"], readChangesOfWorkstream);
