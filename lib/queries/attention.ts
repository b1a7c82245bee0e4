import "server-only";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { milestones, statusHistory, workstreams } from "@/db/schema";
import type { Locale } from "@/i18n/locales";
import { type LocalizedText, localizedText } from "@/lib/content/localized-text";
import { actorDisplayName, isSeedActor } from "@/lib/domain/actor-name";
import { ATTENTION_LEVELS, type AttentionLevel, attentionLevel, compareAttention, LATE_STATUSES } from "@/lib/domain/attention";
import { type Slip, slipOf } from "@/lib/domain/slip";
import type { DatePrecision } from "@/lib/domain/partial-date";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { Filters } from "@/lib/validation/filters";
import { milestoneConditions, overdueExpression, workstreamConditions } from "./conditions";
import { type Page, pageOf } from "./pagination";
import { milestoneTitleTranslations, workstreamTextsIn } from "./translations";
import { cachedRead } from "./cache";

/** The latest word on a milestone: the note of its latest history entry that has one, who wrote it and when. */
export type LatestReason = {
  note: string | null;
  /** Display name (never an email); null when the entry is the report's own. */
  by: string | null;
  at: string;
};

export type AttentionItem = {
  id: number;
  level: AttentionLevel;
  status: MilestoneStatus;
  title: LocalizedText;
  workstreamId: number;
  workstreamSlug: string;
  workstreamName: LocalizedText;
  /** The expected date now (the new one when re-planned), at its own precision. */
  date: string;
  datePrecision: DatePrecision;
  /** The originally planned date when the milestone was re-planned, else null. */
  baselineDate: string | null;
  slip: Slip | null;
  /** When the problem began: the status was set (delayed, at risk) or the period ended (overdue). */
  since: string;
  reason: LatestReason | null;
};

export type AttentionList = Page<AttentionItem> & { levels: Record<AttentionLevel, number> };

const lateList = sql.raw(LATE_STATUSES.map((status) => `'${status}'`).join(", "));

/** Milestones that need attention under the filters, with what the ordering needs. */
async function readAttentionCandidates(filters: Filters, today: string, workstreamIds?: number[], milestoneIds?: number[]) {
  const statusSetAt = sql<
    string | null
  >`(select max(${statusHistory.changedAt}) from ${statusHistory} where ${statusHistory.milestoneId} = ${milestones.id} and ${statusHistory.kind} in ('status', 'created'))`;
  const rows = await getDb()
    .select({
      id: milestones.id,
      workstreamId: milestones.workstreamId,
      status: milestones.status,
      periodEnd: milestones.periodEnd,
      updatedAt: milestones.updatedAt,
      overdue: sql<number>`${overdueExpression(today)}`.mapWith(Boolean),
      statusSetAt,
    })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(
      and(
        milestoneConditions(filters),
        workstreamConditions(filters),
        workstreamIds ? inArray(milestones.workstreamId, workstreamIds) : undefined,
        milestoneIds ? inArray(milestones.id, milestoneIds.length ? milestoneIds : [-1]) : undefined,
        or(sql`${milestones.status} in (${lateList})`, overdueExpression(today)),
      ),
    );
  return rows
    .flatMap((row) => {
      const level = attentionLevel(row.status, Boolean(row.overdue));
      if (!level) return [];
      const since = level === "overdue" ? row.periodEnd : (row.statusSetAt ?? row.updatedAt);
      return [{ id: row.id, workstreamId: row.workstreamId, level, since }];
    })
    .sort(compareAttention);
}

// The same for every reader (a second's work at 100,000 milestones): cached between requests,
// invalidated by the commands (docs/decisions/007-read-cache.md). Callers only read the list.
const attentionCandidates = cachedRead("attentionCandidates", ["milestones", "workstreams"], readAttentionCandidates);

/** Rows of the Attention list on one page of the overview: a manager's page; its pager reaches the rest. */
export const ATTENTION_PAGE_SIZE = 20;

/**
 * The Attention list: delayed, overdue and at-risk milestones under the overview's filters,
 * most severe first and then the oldest problem first, with the latest reason, its author's
 * name and date, and the new expected date and slip of re-planned milestones. One page.
 */
export async function listAttention(
  filters: Filters,
  today: string,
  locale: Locale,
  paging: { page: number; pageSize: number } = { page: 1, pageSize: ATTENTION_PAGE_SIZE },
): Promise<AttentionList> {
  const candidates = await attentionCandidates(filters, today);
  const levels = Object.fromEntries(ATTENTION_LEVELS.map((level) => [level, 0])) as Record<AttentionLevel, number>;
  for (const item of candidates) levels[item.level] += 1;
  const { page, pageSize, offset, totalPages } = pageOf(paging, candidates.length);
  const shown = candidates.slice(offset, offset + pageSize);
  return { items: await attentionDetails(shown, locale), page, pageSize, totalItems: candidates.length, totalPages, levels };
}

async function attentionDetails(shown: { id: number; level: AttentionLevel; since: string }[], locale: Locale): Promise<AttentionItem[]> {
  if (!shown.length) return [];
  const ids = shown.map((item) => item.id);
  const rows = new Map(
    (
      await getDb()
        .select({
          id: milestones.id,
          status: milestones.status,
          titleEn: milestones.titleEn,
          titleZh: milestones.titleZh,
          date: milestones.date,
          datePrecision: milestones.datePrecision,
          periodEnd: milestones.periodEnd,
          baselineDate: milestones.baselineDate,
          baselinePrecision: milestones.baselinePrecision,
          baselinePeriodEnd: milestones.baselinePeriodEnd,
          workstreamId: workstreams.id,
          workstreamSlug: workstreams.slug,
          workstreamNameEn: workstreams.nameEn,
          workstreamNameZh: workstreams.nameZh,
        })
        .from(milestones)
        .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
        .where(inArray(milestones.id, ids))
    ).map((row) => [row.id, row]),
  );
  const reasons = await latestReasons(ids);
  const titles = await milestoneTitleTranslations(ids, locale);
  const names = await workstreamTextsIn([...new Set([...rows.values()].map((row) => row.workstreamId))], locale);
  return shown.map(({ id, level, since }) => {
    const row = rows.get(id)!;
    return {
      id,
      level,
      since,
      status: row.status,
      title: localizedText(locale, { en: row.titleEn, zh: row.titleZh }, titles.get(id)),
      workstreamId: row.workstreamId,
      workstreamSlug: row.workstreamSlug,
      workstreamName: localizedText(locale, { en: row.workstreamNameEn, zh: row.workstreamNameZh }, names.get(row.workstreamId)?.name),
      date: row.date,
      datePrecision: row.datePrecision,
      baselineDate: row.baselineDate,
      slip: slipOf({ periodEnd: row.baselinePeriodEnd, precision: row.baselinePrecision }, { periodEnd: row.periodEnd, precision: row.datePrecision }),
      reason: reasons.get(id) ?? null,
    };
  });
}

/**
 * The latest reason of each milestone: the newest history entry with a note, or the newest
 * entry when none has one; its author as a display name.
 */
export async function latestReasons(ids: number[]): Promise<Map<number, LatestReason>> {
  if (!ids.length) return new Map();
  const ranked = getDb()
    .select({
      milestoneId: statusHistory.milestoneId,
      note: statusHistory.note,
      actor: statusHistory.actor,
      at: statusHistory.changedAt,
      rank: sql<number>`row_number() over (partition by ${statusHistory.milestoneId} order by (coalesce(${statusHistory.note}, '') <> '') desc, ${statusHistory.changedAt} desc, ${statusHistory.id} desc)`.as(
        "rank",
      ),
    })
    .from(statusHistory)
    .where(inArray(statusHistory.milestoneId, [...new Set(ids)]))
    .orderBy(desc(statusHistory.changedAt))
    .as("ranked");
  const rows = await getDb().select().from(ranked).where(eq(ranked.rank, 1));
  return new Map(rows.map((row) => [row.milestoneId, { note: row.note || null, by: isSeedActor(row.actor) ? null : actorDisplayName(row.actor), at: row.at }]));
}

export type WorkstreamReason = { milestoneId: number; title: LocalizedText; level: AttentionLevel; reason: LatestReason };

/**
 * For each of the given workstreams, the reason behind its most pressing milestone under the
 * filters: the most severe one whose latest note someone wrote in the tracker. Workstreams with
 * nothing needing attention, or with no reason given in the tracker, are absent.
 */
export async function workstreamReasons(workstreamIds: number[], filters: Filters, today: string, locale: Locale): Promise<Map<number, WorkstreamReason>> {
  if (!workstreamIds.length) return new Map();
  const candidates = await attentionCandidates(filters, today, workstreamIds);
  const reasons = await latestReasons(candidates.map((item) => item.id));
  const chosen = new Map<number, (typeof candidates)[number]>();
  for (const item of candidates) {
    const current = chosen.get(item.workstreamId);
    const written = (id: number) => Boolean(reasons.get(id)?.by && reasons.get(id)?.note);
    if (!current || (!written(current.id) && written(item.id))) chosen.set(item.workstreamId, item);
  }
  const ids = [...chosen.values()].map((item) => item.id);
  const titles = await getDb()
    .select({ id: milestones.id, en: milestones.titleEn, zh: milestones.titleZh })
    .from(milestones)
    .where(inArray(milestones.id, ids.length ? ids : [-1]));
  const translated = await milestoneTitleTranslations(ids, locale);
  const titleOf = new Map(titles.map((row) => [row.id, localizedText(locale, { en: row.en, zh: row.zh }, translated.get(row.id))]));
  const out = new Map<number, WorkstreamReason>();
  for (const [workstreamId, item] of chosen) {
    // Only a reason someone gave: the report's own entries explain nothing on a card.
    const reason = reasons.get(item.id);
    if (reason?.by) out.set(workstreamId, { milestoneId: item.id, title: titleOf.get(item.id)!, level: item.level, reason });
  }
  return out;
}

/** The latest reasons of those of the given milestones that need attention (delayed, overdue, at risk). */
export async function reasonsOfLate(rows: { id: number; status: MilestoneStatus; overdue: boolean }[]): Promise<Map<number, LatestReason>> {
  return await latestReasons(rows.filter((row) => attentionLevel(row.status, row.overdue) !== null).map((row) => row.id));
}

export type MilestoneAttention = { id: number; level: AttentionLevel; baselineDate: string | null; slip: Slip | null; reason: LatestReason | null };

/**
 * Of the given milestones (a report's rows), those needing attention in the Attention list's
 * order, with their baseline, slip and latest reason.
 */
export async function attentionOfMilestones(ids: number[], today: string): Promise<MilestoneAttention[]> {
  if (!ids.length) return [];
  const ordered = await attentionCandidates({}, today, undefined, ids);
  const shown = ordered.map((item) => item.id);
  if (!shown.length) return [];
  const plans = new Map(
    (
      await getDb()
        .select({
          id: milestones.id,
          periodEnd: milestones.periodEnd,
          datePrecision: milestones.datePrecision,
          baselineDate: milestones.baselineDate,
          baselinePrecision: milestones.baselinePrecision,
          baselinePeriodEnd: milestones.baselinePeriodEnd,
        })
        .from(milestones)
        .where(inArray(milestones.id, shown))
    ).map((row) => [row.id, row]),
  );
  const reasons = await latestReasons(shown);
  return ordered.map(({ id, level }) => {
    const plan = plans.get(id)!;
    return {
      id,
      level,
      baselineDate: plan.baselineDate,
      slip: slipOf({ periodEnd: plan.baselinePeriodEnd, precision: plan.baselinePrecision }, { periodEnd: plan.periodEnd, precision: plan.datePrecision }),
      reason: reasons.get(id) ?? null,
    };
  });
}
