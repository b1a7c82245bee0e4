import "server-only";
import { isTranslationLocale } from "@/i18n/locales";
import { translationsIn } from "@/lib/queries/translations";
import type { ReportLang } from "./options";
import type { ContentTranslations } from "./report-data";

/**
 * The tracker's stored translations into the report's language, read once per export; none for
 * English and Chinese, whose content is in columns of its own.
 */
export async function storedTranslations(lang: ReportLang): Promise<ContentTranslations | undefined> {
  if (!isTranslationLocale(lang)) return undefined;
  const { titles, workstreams } = await translationsIn(lang);
  return (ref) => (ref.kind === "milestone" ? titles.get(ref.id) : workstreams.get(ref.id)?.[ref.field]);
}
