/**
 * The flags of a roadmap bar as the read API sends them (`CompactBar` in lib/queries/timeline.ts),
 * here so the browser can read them without importing a server module.
 */
import type { Day, TimeWindow } from "./timeline-window";

export const BAR_OVERDUE = 1;
export const BAR_UNTRANSLATED = 2;
/** Ongoing work: the bar runs on past its end day to the end of any window that shows it. */
export const BAR_ONGOING = 4;

/** The last day a bar covers in a window: ongoing work runs on to the window's end. */
export const barReach = (end: Day, flags: number, window: TimeWindow): Day => (flags & BAR_ONGOING ? Math.max(end, window.end) : end);

/**
 * Whether a bar reaches into a window, as the read API picks bars (a bar takes at least its
 * first day; ongoing work reaches every later window): the browser cuts a longer stretch of time
 * it already holds with it.
 */
export const barReachesInto = (start: Day, end: Day, flags: number, window: TimeWindow): boolean =>
  start <= window.end && ((flags & BAR_ONGOING) !== 0 || Math.max(end, start + 1) >= window.start);
