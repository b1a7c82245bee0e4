import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type Evidence, milestones, statusHistory, workstreams } from "@/db/schema";
import type { DatePrecision } from "@/lib/domain/partial-date";
import { actorDisplayName } from "@/lib/domain/actor-name";
import type { MilestoneStatus } from "@/lib/domain/status";
import { preparedQuery } from "./prepared";
import { allMilestoneTranslations, type MilestoneTranslations } from "./translations";

/** A milestone as the write side sees it, removed or not: what a conflict response carries. */
export type MilestoneState = {
  id: number;
  workstreamId: number;
  workstreamSlug: string;
  titleEn: string;
  titleZh: string;
  /** Titles in Arabic, French, Russian and Spanish, where someone has translated them. */
  translations: MilestoneTranslations;
  date: string;
  datePrecision: DatePrecision;
  /** The first planned date when the milestone was re-planned (ADR 011); null while the plan never moved. */
  baselineDate: string | null;
  status: MilestoneStatus;
  completedOn: string | null;
  evidence: Evidence[];
  sourceParagraph: number | null;
  version: number;
  updatedAt: string;
  removedAt: string | null;
};

// The write path reads a milestone before and after each change: prepared once.
const milestoneStateStatement = preparedQuery((db) =>
  db
    .select({
      id: milestones.id,
      workstreamId: milestones.workstreamId,
      workstreamSlug: workstreams.slug,
      titleEn: milestones.titleEn,
      titleZh: milestones.titleZh,
      date: milestones.date,
      datePrecision: milestones.datePrecision,
      baselineDate: milestones.baselineDate,
      status: milestones.status,
      completedOn: milestones.completedOn,
      evidence: milestones.evidence,
      sourceParagraph: milestones.sourceParagraph,
      version: milestones.version,
      updatedAt: milestones.updatedAt,
      removedAt: milestones.removedAt,
    })
    .from(milestones)
    .innerJoin(workstreams, eq(workstreams.id, milestones.workstreamId))
    .where(eq(milestones.id, sql.placeholder("id")))
    .prepare(),
);

export async function getMilestoneState(id: number): Promise<MilestoneState | null> {
  const row = (await milestoneStateStatement().execute({ id }))[0];
  return row ? { ...row, translations: await allMilestoneTranslations(id) } : null;
}

/** Who changed a milestone last, when and why: what a conflict screen names (a name, never an email). */
export type LastChange = { actor: string; changedAt: string; note: string | null; changes: Record<string, { from: unknown; to: unknown }> | null };

export async function getLastChange(id: number): Promise<LastChange | null> {
  const row = (
    await getDb()
      .select({ actor: statusHistory.actor, changedAt: statusHistory.changedAt, note: statusHistory.note, changes: statusHistory.changes })
      .from(statusHistory)
      .where(eq(statusHistory.milestoneId, id))
      .orderBy(desc(statusHistory.changedAt), desc(statusHistory.id))
      .limit(1)
  )[0];
  return row ? { ...row, actor: actorDisplayName(row.actor) } : null;
}
