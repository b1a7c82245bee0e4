import { parsePartialDate } from "./partial-date";

/** Statuses that re-plan a milestone: setting one may give a new expected date. */
export const REPLAN_STATUSES = ["delayed", "at_risk"] as const;

export function isReplanStatus(status: string): status is (typeof REPLAN_STATUSES)[number] {
  return (REPLAN_STATUSES as readonly string[]).includes(status);
}

/**
 * How far a milestone's date moved from its baseline, in whole months between the starts of the
 * two periods ("2022-03" → "2022-12" is 9; "2022" → "2023" is 12); negative when brought
 * forward. Null when the plan never moved or a date does not parse.
 */
export function slipMonths(baselineDate: string | null, date: string): number | null {
  if (!baselineDate) return null;
  const from = parsePartialDate(baselineDate);
  const to = parsePartialDate(date);
  if (!from || !to) return null;
  return to.year * 12 + (to.month ?? 1) - (from.year * 12 + (from.month ?? 1));
}
