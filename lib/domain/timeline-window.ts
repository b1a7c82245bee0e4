/**
 * The roadmap's window on time. Days are whole numbers (days since 1970-01-01, UTC) so the
 * browser can place thousands of bars with arithmetic alone; a window is a first and a last day.
 * Zoom names how much time the window shows; pan moves it without changing its length.
 */

export const ZOOMS = ["quarter", "year", "five-years"] as const;
export type Zoom = (typeof ZOOMS)[number];
export const DEFAULT_ZOOM: Zoom = "year";

/** Months a window shows at each zoom: quarters over half a year, two years, five years. */
export const ZOOM_MONTHS: Record<Zoom, number> = { quarter: 6, year: 24, "five-years": 60 };

const DAY_MS = 86_400_000;

export type Day = number;
export type TimeWindow = { start: Day; end: Day };

/**
 * Day number of an ISO day ("2021-10-15", or a timestamp starting with one). Plain arithmetic
 * (Hinnant's days-from-civil) rather than Date.parse: the roadmap converts hundreds of thousands.
 */
export function dayOf(iso: string): Day {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** ISO day ("2021-10-15") of a day number. */
export const isoOf = (day: Day): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The first day of the month `months` after the month of `day` (negative goes back). */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1) / DAY_MS);
}

/** The window of a zoom that starts on `start` (its last day is the day before start + span). */
export function windowFrom(start: Day, zoom: Zoom): TimeWindow {
  const date = new Date(start * DAY_MS);
  const end = Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + ZOOM_MONTHS[zoom], date.getUTCDate()) / DAY_MS) - 1;
  return { start, end };
}

/** The window of a zoom centred on a day, starting on the first of a month. */
export function windowAround(day: Day, zoom: Zoom): TimeWindow {
  return windowFrom(addMonths(day, -ZOOM_MONTHS[zoom] / 2), zoom);
}

/** The window of a zoom whose last month is the month of `day`: the data's latest activity, in full view. */
export function windowEndingIn(day: Day, zoom: Zoom): TimeWindow {
  return windowFrom(addMonths(day, 1 - ZOOM_MONTHS[zoom]), zoom);
}

/** Days shown by a window, inclusive. */
export const windowLength = (window: TimeWindow) => window.end - window.start + 1;

/** The window moved by a share of its length (1 = a whole window later, -0.25 = a quarter earlier). */
export function panBy(window: TimeWindow, share: number): TimeWindow {
  const shift = Math.round(windowLength(window) * share);
  return { start: window.start + shift, end: window.end + shift };
}

/** The window moved by whole days (drag, keyboard). */
export const panDays = (window: TimeWindow, days: number): TimeWindow => ({ start: window.start + days, end: window.end + days });

/** A zoom change keeps the middle of the window where it is. */
export function rezoom(window: TimeWindow, zoom: Zoom): TimeWindow {
  const middle = window.start + Math.floor(windowLength(window) / 2);
  return windowAround(middle, zoom);
}

/** Fraction (0–1, may fall outside) of the window at the start of a day. */
export const fractionOf = (day: Day, window: TimeWindow) => (day - window.start) / windowLength(window);

/**
 * Tiles: the bars are fetched per stretch of time of half a window, aligned on month boundaries
 * from 1970, so panning reuses what is cached and neighbours can be prefetched. A window touches
 * at most three tiles.
 */
export function tileMonths(zoom: Zoom): number {
  return ZOOM_MONTHS[zoom] / 2;
}

/** The tile (index) that holds a day at a zoom. */
export function tileOf(day: Day, zoom: Zoom): number {
  const date = new Date(day * DAY_MS);
  const months = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
  return Math.floor(months / tileMonths(zoom));
}

/** First and last day of a tile. */
export function tileWindow(tile: number, zoom: Zoom): TimeWindow {
  const start = addMonths(0, tile * tileMonths(zoom));
  return { start, end: addMonths(0, (tile + 1) * tileMonths(zoom)) - 1 };
}

/** The tiles a window touches, in order. */
export function tilesOf(window: TimeWindow, zoom: Zoom): number[] {
  const out: number[] = [];
  for (let tile = tileOf(window.start, zoom); tile <= tileOf(window.end, zoom); tile++) out.push(tile);
  return out;
}

/**
 * The tiles of another zoom that together hold a tile's stretch of time. Tiles are whole months
 * counted from 1970 at every zoom, so this is arithmetic on months.
 */
export function tilesCovering(tile: number, zoom: Zoom, other: Zoom): number[] {
  const first = tile * tileMonths(zoom);
  const last = first + tileMonths(zoom) - 1;
  const out: number[] = [];
  for (let covering = Math.floor(first / tileMonths(other)); covering <= Math.floor(last / tileMonths(other)); covering++) out.push(covering);
  return out;
}

export type WindowTick = { day: Day; kind: "year" | "quarter" | "month"; year: number; month: number };

/**
 * Grid lines and labels for a window: months at the quarter zoom, quarters at the year zoom,
 * years at the five-year zoom (with the quarters as unlabelled lines). Every year start is a
 * "year" tick so the header can always name the year.
 */
export function windowTicks(window: TimeWindow, zoom: Zoom): WindowTick[] {
  const step = zoom === "quarter" ? 1 : 3;
  const ticks: WindowTick[] = [];
  for (let day = addMonths(window.start, 0); day <= window.end; day = addMonths(day, step)) {
    if (day < window.start) continue;
    const date = new Date(day * DAY_MS);
    const month = date.getUTCMonth() + 1;
    ticks.push({ day, year: date.getUTCFullYear(), month, kind: month === 1 ? "year" : zoom === "quarter" ? "month" : "quarter" });
  }
  return ticks;
}

/** Months between two days' months (positive when `later` is later). */
export function monthsBetween(earlier: Day, later: Day): number {
  const a = new Date(earlier * DAY_MS);
  const b = new Date(later * DAY_MS);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** The end days of the calendar quarters whose end falls in a window. */
export function quarterEndsIn(window: TimeWindow): Day[] {
  const ends: Day[] = [];
  const date = new Date(window.start * DAY_MS);
  let quarterStart = Math.floor(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3, 1) / DAY_MS);
  for (;;) {
    const end = addMonths(quarterStart, 3) - 1;
    if (end > window.end) break;
    if (end >= window.start) ends.push(end);
    quarterStart = end + 1;
  }
  return ends;
}

/** The window in the URL: `from` (its first day) and `zoom`. */
export function windowToParams(window: TimeWindow, zoom: Zoom): { from: string; zoom?: Zoom } {
  return zoom === DEFAULT_ZOOM ? { from: isoOf(window.start) } : { from: isoOf(window.start), zoom };
}

/**
 * The view that shows a stretch of time whole (a workstream's milestones): the narrowest zoom
 * that holds it, from the first of its first month; a longer stretch opens at its start, widest.
 */
export function viewFitting(first: Day, last: Day): { start: Day; zoom: Zoom } {
  const start = addMonths(first, 0);
  return { start, zoom: ZOOMS.find((zoom) => windowFrom(start, zoom).end >= last) ?? ZOOMS[ZOOMS.length - 1]! };
}
