import { parsePartialDate } from "@/lib/domain/partial-date";
import type { ReportLang } from "./options";

/**
 * The Intl locale of each report language: British English dates as in UN documents ("1 January
 * 2021"), and Intl's own defaults for Arabic (digits included).
 */
export const REPORT_LOCALES: Record<ReportLang, string> = { ar: "ar", zh: "zh-CN", en: "en-GB", fr: "fr-FR", ru: "ru-RU", es: "es-ES" };

export type ReportNumbers = {
  /** A count: "1,234", "1 234". */
  num: (n: number) => string;
  /** A change in a table: "+3", "0", "−2". */
  signed: (n: number) => string;
  /** A change in running text, where "±0" reads better than a bare zero. */
  change: (n: number) => string;
  /** A year, never grouped: "2021". */
  year: (year: number) => string;
};

const numberCache = new Map<ReportLang, ReportNumbers>();

/**
 * Counts, signed changes and years in a language's digits and grouping. Signed changes are kept
 * here, not in messages, because they take a true minus sign (−) and "±0", which Intl's
 * signDisplay does not write; in a right-to-left language a left-to-right mark keeps a sign
 * before its number ("+3", not "3+"), as Intl writes signed numbers for Arabic.
 */
export function reportNumbers(lang: ReportLang): ReportNumbers {
  const known = numberCache.get(lang);
  if (known) return known;
  const grouped = new Intl.NumberFormat(REPORT_LOCALES[lang]);
  const plain = new Intl.NumberFormat(REPORT_LOCALES[lang], { useGrouping: false });
  const num = (n: number) => grouped.format(n);
  const mark = lang === "ar" ? "\u200E" : "";
  const numbers: ReportNumbers = {
    num,
    signed: (n) => (n > 0 ? `${mark}+${num(n)}` : n === 0 ? num(0) : `${mark}−${num(-n)}`),
    change: (n) => (n > 0 ? `${mark}+${num(n)}` : n === 0 ? `${mark}±${num(0)}` : `${mark}−${num(-n)}`),
    year: (year) => plain.format(year),
  };
  numberCache.set(lang, numbers);
  return numbers;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();

/**
 * A partial date in the report's language at its own precision: "October 2021", "2021年10月",
 * "octobre 2021", "октябрь 2021 г.", never a day the source lacks. The same wording as
 * formatPartialDate, with the Intl formatters and the labels cached: a report formats tens of
 * thousands of dates, and building a formatter for each took most of a large report's time and
 * memory. (A message's date argument has one fixed style; the precision varies per date.)
 */
export function reportDate(value: string, lang: ReportLang): string {
  const key = `${lang}|${value}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  const date = parsePartialDate(value);
  if (!date) return value;
  const formatterKey = `${lang}|${date.precision}`;
  let formatter = formatters.get(formatterKey);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      date.precision === "year"
        ? { year: "numeric", timeZone: "UTC" }
        : date.precision === "month"
          ? { year: "numeric", month: "long", timeZone: "UTC" }
          : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    formatter = new Intl.DateTimeFormat(REPORT_LOCALES[lang], options);
    formatters.set(formatterKey, formatter);
  }
  const label = formatter.format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)));
  if (labels.size < 100_000) labels.set(key, label);
  return label;
}
