import type { Locale } from "@/i18n/locales";

/** Content text as a page shows it: the words, their language, and whether they are in the page's language. */
export type LocalizedText = { text: string; lang: Locale; translated: boolean };

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

/**
 * Picks the text of a content field for a locale. English and Chinese come from the report's own
 * columns; Arabic, French, Russian and Spanish from translation rows. Whatever is missing falls
 * back to English with `translated: false`, so the page can mark it.
 */
export function localizedText(locale: Locale, base: { en: string; zh: string }, translation?: string | null): LocalizedText {
  if (locale === "en") return { text: base.en, lang: "en", translated: true };
  const own = locale === "zh" ? base.zh : translation;
  return present(own) ? { text: own, lang: locale, translated: true } : { text: base.en, lang: "en", translated: false };
}

/** The report's other language of a content field, shown as a secondary line. */
export type OriginalText = { text: string; lang: "en" | "zh" };

/**
 * The report's other language, shown as a secondary line under content: the Chinese original on
 * every page but the Chinese one, which shows the English. Null when that text is missing or the
 * main line already fell back to it.
 */
export function originalText(locale: Locale, base: { en: string; zh: string }): OriginalText | null {
  if (locale === "zh") return present(base.zh) && present(base.en) ? { text: base.en, lang: "en" } : null;
  return present(base.zh) ? { text: base.zh, lang: "zh" } : null;
}
