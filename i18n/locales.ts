/**
 * The six official languages of the United Nations, in the UN's own order (alphabetical in
 * English). English is the default; the report's own text gives English and Chinese content.
 */
export const LOCALES = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in itself, as a language switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

/** Languages whose content (names, titles, summaries) is kept in translation rows; English and Chinese are columns of their own. */
export const TRANSLATION_LOCALES = ["ar", "fr", "ru", "es"] as const satisfies readonly Locale[];
export type TranslationLocale = (typeof TRANSLATION_LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isTranslationLocale(value: unknown): value is TranslationLocale {
  return typeof value === "string" && (TRANSLATION_LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}
