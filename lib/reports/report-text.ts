import { type Formatters, IntlMessageFormat } from "intl-messageformat";
import type { MessageKeys, NestedKeyOf } from "use-intl/core";
import { OFFICIAL_BODY_NAMES } from "@/lib/content/body-names";
import { localizedText } from "@/lib/content/localized-text";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import ru from "@/messages/ru.json";
import zh from "@/messages/zh.json";
import { REPORT_LOCALES, type ReportNumbers, reportNumbers } from "./formatting";
import { chapterLabel, figureNumber, itemLabel, sectionLabel } from "./numbering";
import type { ReportLang } from "./options";

const MESSAGES = { ar, zh, en, fr, ru, es };

/** English's keys type every language's: tests/unit/messages.test.ts keeps the six files alike. */
type ReportMessages = (typeof en)["report"];
export type ReportMessageKey = MessageKeys<ReportMessages, NestedKeyOf<ReportMessages>>;
/** Formats a message of the "report" namespace: `t("title", { year: 2021 })`. */
export type ReportTranslator = (key: ReportMessageKey, values?: Record<string, string | number>) => string;

/**
 * The report's words in one language: its messages (the "report" namespace of messages/*.json),
 * the status labels the pages use, and the numbers and numbering messages cannot express.
 */
export type ReportText = {
  lang: ReportLang;
  /** For Intl: dates, numbers and the document's language tag. */
  locale: string;
  t: ReportTranslator;
  /** The punctuation the document assembles sentences with, e.g. ". " or "。". */
  punct: (typeof en)["report"]["punctuation"];
  status: Record<MilestoneStatus, string>;
  overdue: string;
  /** Official names of the principal bodies by code, where the language has one. */
  bodyNames: Partial<Record<string, string>>;
  chapterLabel: (n: number) => string;
  sectionLabel: (n: number) => string;
  itemLabel: (n: number) => string;
  /** "Figure I", "图一", "الشكل الأول". */
  figure: (n: number) => string;
} & ReportNumbers;

const cache = new Map<ReportLang, ReportText>();

/**
 * Intl formatters for one locale, each made once. intl-messageformat's default ones are memoized
 * by serializing their arguments on every call; a report formats tens of thousands of messages.
 */
function localeFormatters(locale: string): Formatters {
  const numbers = new Map<Intl.NumberFormatOptions | undefined, Intl.NumberFormat>();
  const plurals = new Map<string, Intl.PluralRules>();
  return {
    // Options come from the parsed message (`::group-off`), the same object on every call.
    getNumberFormat: (_locales, options) => {
      let format = numbers.get(options);
      if (!format) numbers.set(options, (format = new Intl.NumberFormat(locale, options)));
      return format;
    },
    getPluralRules: (_locales, options) => {
      const type = options?.type ?? "cardinal";
      let rules = plurals.get(type);
      if (!rules) plurals.set(type, (rules = new Intl.PluralRules(locale, { type })));
      return rules;
    },
    getDateTimeFormat: (_locales, options) => new Intl.DateTimeFormat(locale, options),
  };
}

/**
 * A translator over one language's "report" messages, each compiled once. It formats with
 * intl-messageformat, the ICU engine next-intl uses, rather than through use-intl's
 * createTranslator, whose per-call memoization (it serializes the formats on every call) made
 * building a report ten times slower (docs/decisions/019-report-words-in-messages.md). A missing
 * message or value throws: a report with a word left out is a bug for the tests to see.
 */
function reportTranslator(locale: string, messages: ReportMessages): ReportTranslator {
  const formatters = localeFormatters(locale);
  const compiled = new Map<string, IntlMessageFormat>();
  // Messages without arguments ("Source", "No reason recorded.") are written for every milestone.
  const fixed = new Map<string, string>();
  return (key, values) => {
    if (!values) {
      const known = fixed.get(key);
      if (known !== undefined) return known;
    }
    let format = compiled.get(key);
    if (!format) {
      const message = key.split(".").reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], messages);
      if (typeof message !== "string") throw new Error(`No report message "${key}" for ${locale}`);
      format = new IntlMessageFormat(message, locale, undefined, { formatters });
      compiled.set(key, format);
    }
    const text = format.format<string>(values) as string;
    if (!values) fixed.set(key, text);
    return text;
  };
}

/**
 * The report's words in `lang`, whatever the language of the interface: the report's language is
 * chosen per request (`lang=fr` on an English page), and route handlers and the benchmark write
 * it outside next-intl's request scope, so it has a translator of its own, one per language.
 */
export function reportText(lang: ReportLang): ReportText {
  const known = cache.get(lang);
  if (known) return known;
  const messages = MESSAGES[lang];
  const t = reportTranslator(REPORT_LOCALES[lang], messages.report as ReportMessages);
  const text: ReportText = {
    lang,
    locale: REPORT_LOCALES[lang],
    t,
    punct: { ...messages.report.punctuation },
    // The pages' own status labels, so the interface and the report name a status alike.
    status: Object.fromEntries(MILESTONE_STATUSES.map((status) => [status, messages.status[status]])) as Record<MilestoneStatus, string>,
    overdue: messages.status.overdue,
    bodyNames: lang === "en" || lang === "zh" ? {} : OFFICIAL_BODY_NAMES[lang],
    ...reportNumbers(lang),
    chapterLabel: (n) => chapterLabel(lang, n),
    sectionLabel: (n) => sectionLabel(lang, n),
    itemLabel: (n) => itemLabel(lang, n),
    figure: (n) => t("figure", { number: figureNumber(lang, n) }),
  };
  cache.set(lang, text);
  return text;
}

/**
 * A piece of content (a name, a title, a summary) in the report's language, by the pages' rule
 * (`localizedText`): English wherever the language's text is missing or blank.
 */
export function inLanguage(lang: ReportLang, en: string, zh: string | null | undefined, translation?: string | null): string {
  return localizedText(lang, { en, zh: zh ?? "" }, translation).text;
}

/** Whether content is in the report's language, or English stands in for it (the pages' rule). */
export function isTranslated(lang: ReportLang, zh: string | null | undefined, translation?: string | null): boolean {
  return localizedText(lang, { en: "x", zh: zh ?? "" }, translation).translated;
}
