import { isTranslationLocale, type Locale, TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { type LocalizedText, localizedText } from "@/lib/content/localized-text";
import { isReplanStatus } from "@/lib/domain/slip";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { evidenceLines } from "./milestone-fields";

// What the milestone editor holds while someone types, and the request it turns into: kept out
// of the component so it can be tested without a browser.

/** A translated title's field, named as the API names its errors: `translations.fr`. */
export type TranslationField = `translations.${TranslationLocale}`;
export const translationField = (locale: TranslationLocale): TranslationField => `translations.${locale}`;

export type Draft = {
  status: MilestoneStatus;
  completedOn: string;
  note: string;
  evidence: string;
  titleEn: string;
  titleZh: string;
  date: string;
  /** A new expected date when the status is delayed or at risk; empty keeps the date. */
  expectedDate: string;
} & Record<TranslationField, string>;

export const draftFrom = (m: MilestoneState): Draft => ({
  status: m.status,
  completedOn: m.completedOn ?? "",
  note: "",
  evidence: "",
  titleEn: m.titleEn,
  titleZh: m.titleZh,
  date: m.date,
  expectedDate: "",
  ...(Object.fromEntries(TRANSLATION_LOCALES.map((locale) => [translationField(locale), m.translations[locale] ?? ""])) as Record<TranslationField, string>),
});

/** A milestone's title as a page in `locale` shows it: its translation, else English (`lang` says which). */
export const titleIn = (locale: Locale, m: Pick<MilestoneState, "titleEn" | "titleZh" | "translations">): LocalizedText =>
  localizedText(locale, { en: m.titleEn, zh: m.titleZh }, isTranslationLocale(locale) ? m.translations[locale] : null);

/** The request body for a draft, against the state it was based on: only what changes. */
export function changeBody(draft: Draft, base: MilestoneState): Record<string, unknown> {
  const body: Record<string, unknown> = { version: base.version };
  const completedOn = draft.completedOn.trim();
  if (draft.status !== base.status) {
    body.status = draft.status;
    if (draft.status === "completed") body.completedOn = completedOn || undefined;
  } else if (draft.status === "completed" && completedOn !== (base.completedOn ?? "")) {
    body.completedOn = completedOn || null;
  }
  if (draft.note.trim()) body.note = draft.note.trim();
  const evidence = evidenceLines(draft.evidence);
  if (evidence.length) body.evidence = evidence;
  if (draft.titleEn.trim() !== base.titleEn) body.titleEn = draft.titleEn.trim();
  if (draft.titleZh.trim() !== base.titleZh) body.titleZh = draft.titleZh.trim();
  if (draft.date.trim() !== base.date) body.date = draft.date.trim();
  const expectedDate = draft.expectedDate.trim();
  if (expectedDate && isReplanStatus(draft.status) && expectedDate !== base.date) body.expectedDate = expectedDate;
  // Only the languages that changed; an emptied field removes that translation.
  const translations: Partial<Record<TranslationLocale, string>> = {};
  for (const locale of TRANSLATION_LOCALES) {
    const value = draft[translationField(locale)].trim();
    if (value !== (base.translations[locale] ?? "")) translations[locale] = value;
  }
  if (Object.keys(translations).length) body.translations = translations;
  return body;
}
