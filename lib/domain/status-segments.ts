/**
 * A milestone's status over time, as the roadmap draws it: its bar covers its planned period
 * (and runs on to its last status change when that came after the period), cut into one segment
 * per status from the day that status was set. The first recorded status stands for the time
 * before it was recorded (the report's statuses were entered after the fact).
 */

import { ONGOING_STATUS } from "./status";
import type { Day } from "./timeline-window";

export type HistoryPoint = { day: Day; status: string; kind: "created" | "status" | "edited" | "removed" };

/** A segment starts on `start` and lasts until the next one starts (or the bar ends). */
export type Segment = { start: Day; status: string };

/** `open`: ongoing work, which has no end; the bar runs on to the end of whatever shows it. */
export type Band = { start: Day; end: Day; segments: Segment[]; open: boolean };

/** Whether a milestone in this status is drawn as a continuous band (docs/decisions/008-ongoing-status.md). */
export const runsOn = (status: string) => status === ONGOING_STATUS;

/** The day a bar ends: its period's last day, or its last status change when that was later. */
export function bandEnd(periodEnd: Day, history: HistoryPoint[]): Day {
  let end = periodEnd;
  for (const point of history) if (point.kind === "status" && point.day > end) end = point.day;
  return end;
}

/**
 * The bar of a milestone from its period and its history (oldest first). Entries that do not
 * change the status (edits) cut nothing; a change before the period starts moves the status at
 * its start. Ongoing work has no end: its bar runs on at least to `today` (the caller then
 * draws it to the end of its window).
 */
export function bandOf(periodStart: Day, periodEnd: Day, history: HistoryPoint[], current: string, today?: Day): Band {
  const open = runsOn(current);
  const end = open && today !== undefined ? Math.max(bandEnd(periodEnd, history), today) : bandEnd(periodEnd, history);
  const segments: Segment[] = [];
  for (const point of history) {
    if (point.kind === "removed") continue;
    const start = Math.min(Math.max(point.day, periodStart), end);
    const last = segments[segments.length - 1];
    if (last && last.status === point.status) continue;
    if (last && last.start === start) {
      segments[segments.length - 1] = { start, status: point.status };
      // Merging may leave two neighbours with the same status.
      const before = segments[segments.length - 2];
      if (before && before.status === point.status) segments.pop();
    } else {
      segments.push({ start: segments.length ? start : periodStart, status: point.status });
    }
  }
  if (!segments.length) segments.push({ start: periodStart, status: current });
  return { start: periodStart, end, segments, open };
}
