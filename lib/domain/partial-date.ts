/**
 * Dates that keep the precision of their source. The report says "2021 年 10 月" (a month) or
 * "2021 年" (a year) far more often than a day; such a date is a period, never its first day.
 */

import { NEVER_OVERDUE_STATUSES } from "./status";

export type DatePrecision = "year" | "month" | "day";

export type PartialDate = {
  /** The canonical text: "2021", "2021-10" or "2021-10-15". */
  value: string;
  precision: DatePrecision;
  year: number;
  /** 1–12 where precision is month or day. */
  month?: number;
  day?: number;
};

/**
 * The one range of years the tracker stores and reads: every milestone date, completion date,
 * year filter and report year lies in it (the UN was founded in 1945). Outside it a date is
 * refused on the way in, so no page, chart or export ever has to draw year 1 or year 9999.
 */
export const DATE_RANGE = { min: 1945, max: 2100 } as const;

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= DATE_RANGE.min && year <= DATE_RANGE.max;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" within DATE_RANGE; returns null for anything else,
 * including 2021-02-30 and 0001.
 */
export function parsePartialDate(value: string): PartialDate | null {
  const date = parseShape(value);
  return date && isYearInRange(date.year) ? date : null;
}

/** Why a text is not a partial date: its shape ("format"), or its year ("range"); null when it is one. */
export function partialDateProblem(value: string): "format" | "range" | null {
  const date = parseShape(value);
  if (!date) return "format";
  return isYearInRange(date.year) ? null : "range";
}

function parseShape(value: string): PartialDate | null {
  const match = PARTIAL_DATE.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return { value: match[1]!, precision: "year", year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { value: `${match[1]}-${match[2]}`, precision: "month", year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { value: `${match[1]}-${match[2]}-${match[3]}`, precision: "day", year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** First and last calendar day ("YYYY-MM-DD") that a partial date covers. */
export function periodOf(date: PartialDate): { start: string; end: string } {
  if (date.precision === "year") return { start: `${date.year}-01-01`, end: `${date.year}-12-31` };
  if (date.precision === "month") {
    const month = date.month!;
    return {
      start: `${date.year}-${pad(month)}-01`,
      end: `${date.year}-${pad(month)}-${pad(daysInMonth(date.year, month))}`,
    };
  }
  return { start: date.value, end: date.value };
}

/** Calendar quarter ("2021-Q4") in which a day falls. */
export function quarterOf(isoDay: string): string {
  const month = Number(isoDay.slice(5, 7));
  return `${isoDay.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Today's date in UTC as "YYYY-MM-DD". */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Formats a partial date at its own precision: "2021", "October 2021", "15 September 2021"
 * (in the locale's own wording). Never shows a day the source did not give.
 */
export function formatPartialDate(value: string, locale: string): string {
  const date = parsePartialDate(value);
  if (!date) return value;
  return dateFormatOf(locale, date.precision).format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)));
}

const PRECISION_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: "numeric", timeZone: "UTC" },
  month: { year: "numeric", month: "long", timeZone: "UTC" },
  day: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
};
// Making an Intl.DateTimeFormat costs far more than using one: the roadmap formats hundreds of dates per frame.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormatOf(locale: string, precision: DatePrecision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, PRECISION_OPTIONS[precision])));
  return format;
}

/**
 * A milestone is overdue when the whole period of its date has passed and it is still open;
 * ongoing (recurring) work has no end and is never overdue.
 */
export function isOverdue(periodEnd: string, status: string, today: string): boolean {
  return !(NEVER_OVERDUE_STATUSES as readonly string[]).includes(status) && periodEnd < today;
}
