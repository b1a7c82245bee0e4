import type { DatePrecision } from "@/lib/domain/partial-date";

/**
 * Date expressions in a report's text, each with the precision its words give and no more:
 * "2021 年 10 月" and "in October 2021" are months, "2022 年初" and "early 2022" are years,
 * "9 月 15 日和 16 日" is a day (the first), "by the end of the year" is the report's year.
 * A month or day without a year takes the last year named before it in the same text, or the
 * report's year.
 */
export type DateMention = {
  /** "2021", "2021-10" or "2021-09-15". */
  value: string;
  precision: DatePrecision;
  year: number;
  /** Offsets of the expression in the text it was found in. */
  start: number;
  end: number;
  text: string;
  /** True when the year comes from the report, not from the words themselves. */
  impliedYear: boolean;
};

export type Lang = "zh" | "en";

const pad = (n: number) => String(n).padStart(2, "0");

function make(year: number, month: number | null, day: number | null, start: number, text: string, impliedYear: boolean): DateMention | null {
  if (year < 1945 || year > 2100) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && (day < 1 || day > 31)) return null;
  const value = month === null ? `${year}` : day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
  const precision: DatePrecision = month === null ? "year" : day === null ? "month" : "day";
  return { value, precision, year, start, end: start + text.length, text, impliedYear };
}

/** Spans that name things rather than date them: book titles 《…》 and quoted titles “…”. */
function titleSpans(text: string): [number, number][] {
  return [...text.matchAll(/《[^》]*》|“[^”]*”|"[^"]*"/gu)].map((m) => [m.index, m.index + m[0].length]);
}

const ZH_FULL = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日(?:\s*(?:和|至|、|-|–)\s*\d{1,2}\s*日)?)?/gu;
const ZH_MONTH_ONLY = /(?<![\d年.])(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日(?:\s*(?:和|至|、|-|–)\s*\d{1,2}\s*日)?)?/gu;
const ZH_YEAR = /(?<![\d\-–/.])(\d{4})\s*年(?!\s*\d{1,2}\s*月)(?!\s*(?:可持续发展)?议程)/gu;
/** Phrases that mean the report's own year ("during the reporting period", "throughout the year"). */
const ZH_REPORT_YEAR = /本报告所述期间|报告年度|本年度|全年/gu;

const EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${EN_MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join("|")})`;
const EN_DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:\\s*(?:and|to|-|–)\\s*\\d{1,2})?\\s+${MONTH}(?:\\s+(\\d{4}))?\\b`, "gu");
const EN_MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:\\s*(?:and|to|-|–)\\s*\\d{1,2})?,?(?:\\s+(\\d{4}))?\\b`, "gu");
const EN_MONTH_YEAR = new RegExp(`\\b${MONTH}(?:\\s+of)?\\s+(\\d{4})\\b`, "gu");
const EN_MONTH_ALONE = new RegExp(`\\b(?:in|since|by|until|during|from)\\s+${MONTH}\\b(?!\\s+\\d)`, "gu");
const EN_YEAR = /(?<![\d/\-–.])\b((?:19|20)\d{2})\b(?![\d/\-–])(?!\s+Agenda)/gu;
const EN_REPORT_YEAR = /\b(?:by the end of the year|during the year|throughout the year|this year|the reporting period|the year under review)\b/giu;

function monthIndex(name: string): number {
  return EN_MONTHS.indexOf(name.toLowerCase()) + 1;
}

/** Finds every date expression in `text`, in order of appearance, without overlaps. */
export function findDates(text: string, lang: Lang, reportYear: number): DateMention[] {
  const titles = titleSpans(text);
  const found: DateMention[] = [];
  const taken = (start: number, end: number) => titles.some(([a, b]) => start >= a && start < b) || found.some((d) => start < d.end && end > d.start);
  const add = (mention: DateMention | null) => {
    if (mention && !taken(mention.start, mention.end)) found.push(mention);
  };
  /** The year a bare month or day belongs to: the last year named before it, else the report's. */
  const contextYear = (offset: number) => {
    const before = found.filter((d) => d.end <= offset && !d.impliedYear).sort((a, b) => b.end - a.end)[0];
    return before ? { year: before.year, implied: false } : { year: reportYear, implied: true };
  };

  if (lang === "zh") {
    for (const m of text.matchAll(ZH_FULL)) add(make(+m[1]!, +m[2]!, m[3] ? +m[3] : null, m.index, m[0], false));
    for (const m of text.matchAll(ZH_YEAR)) add(make(+m[1]!, null, null, m.index, m[0], false));
    for (const m of text.matchAll(ZH_MONTH_ONLY)) {
      const { year, implied } = contextYear(m.index);
      add(make(year, +m[1]!, m[2] ? +m[2] : null, m.index, m[0], implied));
    }
    for (const m of text.matchAll(ZH_REPORT_YEAR)) add(make(reportYear, null, null, m.index, m[0], true));
  } else {
    for (const m of text.matchAll(EN_DAY_MONTH_YEAR)) {
      const year = m[3] ? { year: +m[3], implied: false } : null;
      if (year) add(make(year.year, monthIndex(m[2]!), +m[1]!, m.index, m[0], false));
    }
    for (const m of text.matchAll(EN_MONTH_DAY_YEAR)) {
      if (m[3]) add(make(+m[3], monthIndex(m[1]!), +m[2]!, m.index, m[0], false));
    }
    for (const m of text.matchAll(EN_MONTH_YEAR)) add(make(+m[2]!, monthIndex(m[1]!), null, m.index, m[0], false));
    for (const m of text.matchAll(EN_YEAR)) add(make(+m[1]!, null, null, m.index, m[0], false));
    // Day-month without a year ("on 15 and 16 September"), then months alone ("in October").
    for (const m of text.matchAll(EN_DAY_MONTH_YEAR)) {
      if (m[3]) continue;
      const { year, implied } = contextYear(m.index);
      add(make(year, monthIndex(m[2]!), +m[1]!, m.index, m[0], implied));
    }
    for (const m of text.matchAll(EN_MONTH_ALONE)) {
      const { year, implied } = contextYear(m.index);
      add(make(year, monthIndex(m[1]!), null, m.index, m[0], implied));
    }
    for (const m of text.matchAll(EN_REPORT_YEAR)) add(make(reportYear, null, null, m.index, m[0], true));
  }
  return found.sort((a, b) => a.start - b.start);
}
