import "./localized.css";
import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, isTranslationLocale, type Locale } from "@/i18n/locales";
import type { LocalizedText } from "@/lib/content/localized-text";

/** The language of the page, which content text is picked for. */
export async function contentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/**
 * The visible "not translated" mark, in the page's language. What it means is said once, in the
 * footer (`UntranslatedNote`), rather than as a hint on each of a page's hundreds of marks.
 */
export async function UntranslatedMark() {
  const t = await getTranslations("content");
  return (
    <span className="untranslated" data-untranslated="">
      {t("notTranslated")}
    </span>
  );
}

/**
 * Content text in its own language. English standing in for a missing translation is marked as
 * English (for screen readers and fonts) and followed by the mark.
 */
export async function Localized({ value }: { value: LocalizedText }) {
  if (value.translated) return <span lang={value.lang}>{value.text}</span>;
  return (
    <>
      <span lang="en" dir="auto">
        {value.text}
      </span>
      <UntranslatedMark />
    </>
  );
}

/** What the mark means, said once per page in the languages whose content may lack a translation. */
export async function UntranslatedNote({ locale }: { locale: Locale }) {
  if (!isTranslationLocale(locale)) return null;
  const t = await getTranslations("content");
  return (
    <p className="untranslated-note" data-testid="untranslated-note">
      <span className="untranslated">{t("notTranslated")}</span>
      {t("untranslatedNote")}
    </p>
  );
}
