import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
// The table shares its name with the loader below, which pages call by that name.
import { milestoneTranslations, workstreamTranslations as workstreamTranslationRows } from "@/db/schema";
import { isTranslationLocale, type Locale, type TranslationLocale } from "@/i18n/locales";

export type MilestoneTranslations = Partial<Record<TranslationLocale, string>>;
export type WorkstreamTranslationText = { name: string | null; summary: string | null };
export type WorkstreamTranslations = Partial<Record<TranslationLocale, WorkstreamTranslationText>>;

/** Milestone titles in one language, by milestone id; empty for English and Chinese (their own columns). */
export function milestoneTitleTranslations(ids: number[], locale: Locale): Map<number, string> {
  if (!ids.length || !isTranslationLocale(locale)) return new Map();
  const rows = getDb()
    .select({ id: milestoneTranslations.milestoneId, title: milestoneTranslations.title })
    .from(milestoneTranslations)
    .where(and(eq(milestoneTranslations.locale, locale), inArray(milestoneTranslations.milestoneId, [...new Set(ids)])))
    .all();
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Workstream names and summaries in one language, by workstream id; empty for English and Chinese. */
export function workstreamTranslations(ids: number[], locale: Locale): Map<number, WorkstreamTranslationText> {
  if (!ids.length || !isTranslationLocale(locale)) return new Map();
  const rows = getDb()
    .select({ id: workstreamTranslationRows.workstreamId, name: workstreamTranslationRows.name, summary: workstreamTranslationRows.summary })
    .from(workstreamTranslationRows)
    .where(and(eq(workstreamTranslationRows.locale, locale), inArray(workstreamTranslationRows.workstreamId, [...new Set(ids)])))
    .all();
  return new Map(rows.map(({ id, ...text }) => [id, text]));
}

/** Every translated title of the given milestones, by milestone id (what the editors prefill). */
export function milestoneTranslationsOf(ids: number[]): Map<number, MilestoneTranslations> {
  const byMilestone = new Map<number, MilestoneTranslations>();
  if (!ids.length) return byMilestone;
  const rows = getDb()
    .select({ id: milestoneTranslations.milestoneId, locale: milestoneTranslations.locale, title: milestoneTranslations.title })
    .from(milestoneTranslations)
    .where(inArray(milestoneTranslations.milestoneId, [...new Set(ids)]))
    .all();
  for (const row of rows) byMilestone.set(row.id, { ...byMilestone.get(row.id), [row.locale]: row.title });
  return byMilestone;
}

/** Every translated title of one milestone, by language. */
export function allMilestoneTranslations(id: number): MilestoneTranslations {
  return milestoneTranslationsOf([id]).get(id) ?? {};
}

/** Every translated name and summary of one workstream, by language. */
export function allWorkstreamTranslations(id: number): WorkstreamTranslations {
  const rows = getDb()
    .select({ locale: workstreamTranslationRows.locale, name: workstreamTranslationRows.name, summary: workstreamTranslationRows.summary })
    .from(workstreamTranslationRows)
    .where(eq(workstreamTranslationRows.workstreamId, id))
    .all();
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}

/** Every translation into one language (titles and workstream texts by id), for whole-report exports. */
export function translationsIn(locale: TranslationLocale): { titles: Map<number, string>; workstreams: Map<number, WorkstreamTranslationText> } {
  const db = getDb();
  const titles = db
    .select({ id: milestoneTranslations.milestoneId, title: milestoneTranslations.title })
    .from(milestoneTranslations)
    .where(eq(milestoneTranslations.locale, locale))
    .all();
  const workstreams = db
    .select({ id: workstreamTranslationRows.workstreamId, name: workstreamTranslationRows.name, summary: workstreamTranslationRows.summary })
    .from(workstreamTranslationRows)
    .where(eq(workstreamTranslationRows.locale, locale))
    .all();
  return { titles: new Map(titles.map((row) => [row.id, row.title])), workstreams: new Map(workstreams.map(({ id, ...text }) => [id, text])) };
}
