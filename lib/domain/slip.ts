import { type DatePrecision, parsePartialDate, periodOf } from "./partial-date";
import { type Day, dayOf, monthsBetween } from "./timeline-window";

/** Statuses that re-plan a milestone: setting one may give a new expected date. */
export const REPLAN_STATUSES = ["delayed", "at_risk"] as const;

export function isReplanStatus(status: string): status is (typeof REPLAN_STATUSES)[number] {
  return (REPLAN_STATUSES as readonly string[]).includes(status);
}

/**
 * The one slip rule: how far a re-planned milestone's due date moved, from the end of its
 * baseline period to the end of its new period — in days when either date gives a day, else in
 * whole calendar months ("2022" → "2023-06" is 6 months; "2022-03" → "2022-12" is 9).
 * Negative when brought forward. (The cards count the same in SQL: `slipMonthsExpression`.)
 */
export type Slip = { unit: "day" | "month"; amount: number };

/** The slip between two period ends given as day numbers (the roadmap's bars carry these). */
export function slipBetween(baselineEnd: Day, end: Day, inDays: boolean): Slip {
  return inDays ? { unit: "day", amount: end - baselineEnd } : { unit: "month", amount: monthsBetween(baselineEnd, end) };
}

/** The slip of a milestone from its stored periods; null when it was never re-planned. */
export function slipOf(
  baseline: { periodEnd: string | null; precision: DatePrecision | null },
  current: { periodEnd: string; precision: DatePrecision },
): Slip | null {
  if (!baseline.periodEnd || !baseline.precision) return null;
  return slipBetween(dayOf(baseline.periodEnd), dayOf(current.periodEnd), baseline.precision === "day" || current.precision === "day");
}

/**
 * The slip in whole months whatever the precision (the exports' "Slip (months)" column and the
 * milestone row's note), from the two partial dates. Null when the plan never moved or a date
 * does not parse.
 */
export function slipMonths(baselineDate: string | null, date: string): number | null {
  if (!baselineDate) return null;
  const from = parsePartialDate(baselineDate);
  const to = parsePartialDate(date);
  if (!from || !to) return null;
  return slipBetween(dayOf(periodOf(from).end), dayOf(periodOf(to).end), false).amount;
}

/** The values of the roadmap's "slip" message ({months} later, or {days} when counted in days). */
export const slipMessageValues = (slip: Slip) => ({ months: slip.unit === "month" ? slip.amount : 0, days: slip.unit === "day" ? slip.amount : 0 });
