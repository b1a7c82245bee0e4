import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { milestoneTranslations, workstreamTranslations } from "@/db/schema";
import { isTranslationLocale, type Locale, type TranslationLocale } from "@/i18n/locales";
import { cachedRead } from "./cache";

export type MilestoneTranslations = Partial<Record<TranslationLocale, string>>;
export type WorkstreamTranslationText = { name: string | null; summary: string | null };
export type WorkstreamTranslations = Partial<Record<TranslationLocale, WorkstreamTranslationText>>;

/** Milestone titles in one language by milestone id: of the given milestones, or of all of them. */
async function titlesIn(locale: TranslationLocale, ids?: number[]): Promise<Map<number, string>> {
  const rows = await getDb()
    .select({ id: milestoneTranslations.milestoneId, title: milestoneTranslations.title })
    .from(milestoneTranslations)
    .where(and(eq(milestoneTranslations.locale, locale), ids && inArray(milestoneTranslations.milestoneId, [...new Set(ids)])));
  return new Map(rows.map((row) => [row.id, row.title]));
}

/** Workstream names and summaries in one language by workstream id: of the given workstreams, or of all of them. */
async function textsIn(locale: TranslationLocale, ids?: number[]): Promise<Map<number, WorkstreamTranslationText>> {
  const rows = await getDb()
    .select({ id: workstreamTranslations.workstreamId, name: workstreamTranslations.name, summary: workstreamTranslations.summary })
    .from(workstreamTranslations)
    .where(and(eq(workstreamTranslations.locale, locale), ids && inArray(workstreamTranslations.workstreamId, [...new Set(ids)])));
  return new Map(rows.map(({ id, ...text }) => [id, text]));
}

/** Milestone titles in one language, by milestone id; empty for English and Chinese (their own columns). */
async function readMilestoneTitleTranslations(ids: number[], locale: Locale): Promise<Map<number, string>> {
  return ids.length && isTranslationLocale(locale) ? await titlesIn(locale, ids) : new Map();
}

/** Workstream names and summaries in one language, by workstream id; empty for English and Chinese. */
async function readWorkstreamTextsIn(ids: number[], locale: Locale): Promise<Map<number, WorkstreamTranslationText>> {
  return ids.length && isTranslationLocale(locale) ? await textsIn(locale, ids) : new Map();
}

/** Every translated title of the given milestones, by milestone id (what the editors prefill). */
async function readMilestoneTranslationsOf(ids: number[]): Promise<Map<number, MilestoneTranslations>> {
  const byMilestone = new Map<number, MilestoneTranslations>();
  if (!ids.length) return byMilestone;
  const rows = await getDb()
    .select({ id: milestoneTranslations.milestoneId, locale: milestoneTranslations.locale, title: milestoneTranslations.title })
    .from(milestoneTranslations)
    .where(inArray(milestoneTranslations.milestoneId, [...new Set(ids)]))
    // Languages in code order, as updateMilestone's answer lists them.
    .orderBy(milestoneTranslations.milestoneId, milestoneTranslations.locale);
  for (const row of rows) byMilestone.set(row.id, { ...byMilestone.get(row.id), [row.locale]: row.title });
  return byMilestone;
}

/** Every translated title of one milestone, by language. */
export async function allMilestoneTranslations(id: number): Promise<MilestoneTranslations> {
  return (await milestoneTranslationsOf([id])).get(id) ?? {};
}

/** Every translated name and summary of one workstream, by language. */
export async function allWorkstreamTranslations(id: number): Promise<WorkstreamTranslations> {
  const rows = await getDb()
    .select({ locale: workstreamTranslations.locale, name: workstreamTranslations.name, summary: workstreamTranslations.summary })
    .from(workstreamTranslations)
    .where(eq(workstreamTranslations.workstreamId, id));
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text]));
}

/** Every translation into one language (titles and workstream texts by id), for whole-report exports. */
export async function translationsIn(locale: TranslationLocale): Promise<{ titles: Map<number, string>; workstreams: Map<number, WorkstreamTranslationText> }> {
  return { titles: await titlesIn(locale), workstreams: await textsIn(locale) };
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const milestoneTitleTranslations = cachedRead("milestoneTitleTranslations", ["translations"], readMilestoneTitleTranslations);
export const workstreamTextsIn = cachedRead("workstreamTextsIn", ["translations"], readWorkstreamTextsIn);
export const milestoneTranslationsOf = cachedRead("milestoneTranslationsOf", ["translations"], readMilestoneTranslationsOf);
