/**
 * Geometry of the timeline image (the roadmap's export): where a milestone's period sits on a
 * time axis, as fractions of the axis from 0 (earliest) to 1 (latest), and which row of its lane
 * it takes so that items never overlap.
 */

import { runsOn } from "./status-segments";

const DAY_MS = 86_400_000;

export type Axis = { start: string; end: string };

const dayMs = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);

/** Fraction (0–1) of the axis at the start of a day. */
export function positionOf(isoDay: string, axis: Axis): number {
  const start = dayMs(axis.start);
  const span = dayMs(axis.end) + DAY_MS - start;
  return Math.min(1, Math.max(0, (dayMs(isoDay) - start) / span));
}

/** Start and width (fractions) of a period from its first to its last day, inclusive. */
export function spanOf(periodStart: string, periodEnd: string, axis: Axis): { start: number; width: number } {
  const start = positionOf(periodStart, axis);
  const endDay = new Date(dayMs(periodEnd) + DAY_MS).toISOString().slice(0, 10);
  const end = dayMs(endDay) > dayMs(axis.end) ? 1 : positionOf(endDay, axis);
  return { start, width: Math.max(0, end - start) };
}

/** What the timeline needs of a milestone to place it. */
export type TimelineItem = { periodStart: string; periodEnd: string; status?: string };

/** Whether the item is drawn as a continuous band: ongoing (recurring) work has no end. */
export const isContinuous = (item: TimelineItem) => item.status !== undefined && runsOn(item.status);

/**
 * Where a milestone sits on the axis: over its date's period; ongoing work, which has no end,
 * as a continuous band from the start of its date's period to the end of the axis.
 */
export function milestoneSpan(item: TimelineItem, axis: Axis): { start: number; width: number } {
  return spanOf(item.periodStart, isContinuous(item) && axis.end > item.periodEnd ? axis.end : item.periodEnd, axis);
}

/** The axis for a set of periods: whole calendar years from the first to the last. */
export function axisForExtent(extent: { start: string; end: string }): Axis {
  return { start: `${extent.start.slice(0, 4)}-01-01`, end: `${extent.end.slice(0, 4)}-12-31` };
}

/** A tick labels the period from `position` to `end` (the next tick, or the end of the axis). */
export type Tick = { label: string; position: number; end: number; kind: "year" | "month" };

/** Year ticks for multi-year axes, month ticks for a single year. */
export function ticksOf(axis: Axis, monthLabel: (year: number, month: number) => string, yearLabel: (year: number) => string = String): Tick[] {
  const firstYear = Number(axis.start.slice(0, 4));
  const lastYear = Number(axis.end.slice(0, 4));
  const starts: Omit<Tick, "end">[] = [];
  if (firstYear === lastYear) {
    for (let month = 1; month <= 12; month++) {
      const day = `${firstYear}-${String(month).padStart(2, "0")}-01`;
      starts.push({ label: monthLabel(firstYear, month), position: positionOf(day, axis), kind: "month" });
    }
  } else {
    for (let year = firstYear; year <= lastYear; year++) {
      starts.push({ label: yearLabel(year), position: positionOf(`${year}-01-01`, axis), kind: "year" });
    }
  }
  return starts.map((tick, index) => ({ ...tick, end: starts[index + 1]?.position ?? 1 }));
}

/**
 * Greedy row packing: items sorted by start take the first row whose last item ended before
 * them. `minWidth` is the space a point marker needs so neighbours do not cover it.
 */
export function assignRows<T extends { start: number; width: number }>(items: T[], minWidth: number): (T & { row: number })[] {
  const rowEnds: number[] = [];
  return [...items]
    .sort((a, b) => a.start - b.start || b.width - a.width)
    .map((item) => {
      const end = item.start + Math.max(item.width, minWidth);
      let row = rowEnds.findIndex((rowEnd) => rowEnd <= item.start);
      if (row === -1) row = rowEnds.push(end) - 1;
      else rowEnds[row] = end;
      return { ...item, row };
    });
}
