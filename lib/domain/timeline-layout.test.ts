import { describe, expect, it } from "vitest";
import { assignRows, axisForExtent, isContinuous, milestoneSpan, positionOf, spanOf, ticksOf } from "./timeline-layout";

const axis = { start: "2021-01-01", end: "2022-12-31" };

describe("timeline geometry", () => {
  it("places the start of the axis at 0 and the middle at one half", () => {
    expect(positionOf("2021-01-01", axis)).toBe(0);
    expect(positionOf("2022-01-01", axis)).toBeCloseTo(0.5, 2);
  });

  it("spans a year-only milestone over its whole year and a month over its month", () => {
    const year = spanOf("2021-01-01", "2021-12-31", axis);
    expect(year.start).toBe(0);
    expect(year.width).toBeCloseTo(0.5, 2);
    const month = spanOf("2021-10-01", "2021-10-31", axis);
    expect(month.width).toBeCloseTo(31 / 730, 3);
    expect(month.width).toBeLessThan(year.width / 10);
  });

  it("widens an extent to whole calendar years", () => {
    expect(axisForExtent({ start: "2019-05-01", end: "2022-03-31" })).toEqual({ start: "2019-01-01", end: "2022-12-31" });
  });

  it("uses year ticks across years and month ticks within one year", () => {
    expect(ticksOf(axis, () => "m").map((tick) => tick.label)).toEqual(["2021", "2022"]);
    const months = ticksOf({ start: "2021-01-01", end: "2021-12-31" }, (_y, m) => String(m));
    expect(months).toHaveLength(12);
    expect(months[9]).toMatchObject({ label: "10", kind: "month" });
  });

  it("gives each tick the period up to the next tick, and formats years with the label given", () => {
    const ticks = ticksOf(
      axis,
      () => "m",
      (year) => `y${year}`,
    );
    expect(ticks.map((tick) => tick.label)).toEqual(["y2021", "y2022"]);
    expect(ticks[0]!.end).toBe(ticks[1]!.position);
    expect(ticks[1]!.end).toBe(1);
  });

  it("stacks overlapping items in separate rows and reuses free rows", () => {
    const rows = assignRows(
      [
        { id: "a", start: 0, width: 0.5 },
        { id: "b", start: 0.2, width: 0.1 },
        { id: "c", start: 0.6, width: 0.1 },
      ],
      0.02,
    );
    const rowOf = Object.fromEntries(rows.map((item) => [item.id, item.row]));
    expect(rowOf).toEqual({ a: 0, b: 1, c: 0 });
  });
});

describe("ongoing work on the timeline", () => {
  const ongoing = { periodStart: "2021-01-01", periodEnd: "2021-12-31", status: "ongoing" };

  it("is a continuous band from the start of its date to the end of the axis", () => {
    expect(isContinuous(ongoing)).toBe(true);
    expect(milestoneSpan(ongoing, axis)).toEqual({ start: 0, width: 1 });
    const day = { periodStart: "2022-07-01", periodEnd: "2022-07-01", status: "ongoing" };
    const span = milestoneSpan(day, axis);
    expect(span.start + span.width).toBeCloseTo(1, 10);
    expect(span.start).toBeCloseTo(positionOf("2022-07-01", axis), 10);
  });

  it("leaves other statuses over their own period", () => {
    const done = { ...ongoing, status: "completed" };
    expect(isContinuous(done)).toBe(false);
    expect(milestoneSpan(done, axis)).toEqual(spanOf("2021-01-01", "2021-12-31", axis));
  });

  it("takes its own row: nothing later in the lane is drawn over the band", () => {
    const later = { periodStart: "2022-03-01", periodEnd: "2022-03-31", status: "planned" };
    const placed = assignRows(
      [ongoing, later].map((item) => ({ item, ...milestoneSpan(item, axis) })),
      0.018,
    );
    const rows = new Map(placed.map((p) => [p.item.status, p.row]));
    expect(rows.get("ongoing")).not.toBe(rows.get("planned"));
  });
});
