import { TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import type { WorkstreamTranslations } from "@/lib/queries/translations";

/** The workstream form's translation inputs, named as the command names their errors: `translations.fr.name`. */
export type TranslationPart = "name" | "summary";
export type TranslationFieldName = `translations.${TranslationLocale}.${TranslationPart}`;
export type TranslationFormValues = Record<TranslationFieldName, string>;

export const translationFieldName = (locale: TranslationLocale, part: TranslationPart): TranslationFieldName => `translations.${locale}.${part}`;

/** The inputs' values for stored translations; empty strings where there are none. */
export function translationFormValues(translations: WorkstreamTranslations = {}): TranslationFormValues {
  const values = {} as TranslationFormValues;
  for (const locale of TRANSLATION_LOCALES) {
    values[translationFieldName(locale, "name")] = translations[locale]?.name ?? "";
    values[translationFieldName(locale, "summary")] = translations[locale]?.summary ?? "";
  }
  return values;
}

/**
 * What the command takes from the inputs: every language, as the form shows every one, so an
 * emptied field removes that text.
 */
export function translationsInput(values: TranslationFormValues): Record<TranslationLocale, { name: string; summary: string }> {
  return Object.fromEntries(
    TRANSLATION_LOCALES.map((locale) => [
      locale,
      { name: values[translationFieldName(locale, "name")], summary: values[translationFieldName(locale, "summary")] },
    ]),
  ) as Record<TranslationLocale, { name: string; summary: string }>;
}
