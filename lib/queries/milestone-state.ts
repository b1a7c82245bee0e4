import { eq, sql } from "drizzle-orm";
import { type Evidence, milestones, workstreams } from "@/db/schema";
import type { DatePrecision } from "@/lib/domain/partial-date";
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

export function getMilestoneState(id: number): MilestoneState | null {
  const row = milestoneStateStatement().get({ id }) ?? null;
  return row && { ...row, translations: allMilestoneTranslations(id) };
}
