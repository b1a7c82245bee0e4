import { describe, expect, it } from "vitest";
import { assignRows, axisForExtent, isContinuous, layoutLane, milestoneSpan, placeOn, positionOf, spanOf, ticksOf, xOf } from "./timeline-layout";

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

describe("timeline geometry in each reading direction", () => {
  const lane = [
    { id: "late", periodStart: "2022-10-01", periodEnd: "2022-10-31" },
    { id: "early", periodStart: "2021-01-01", periodEnd: "2021-12-31" },
    { id: "day", periodStart: "2021-06-15", periodEnd: "2021-06-15" },
  ];
  const sizes = { markerWidth: 0.018, minBarWidth: 0.006 };
  const byId = (direction: "ltr" | "rtl") => Object.fromEntries(layoutLane(lane, axis, direction, sizes).map((placed) => [placed.item.id, placed]));

  it("left to right, keeps x at the start of the period, so a later milestone has a larger x", () => {
    const ltr = byId("ltr");
    expect(ltr.early!.x).toBe(0);
    expect(ltr.late!.x).toBeCloseTo(positionOf("2022-10-01", axis), 10);
    expect(ltr.late!.x).toBeGreaterThan(ltr.early!.x);
  });

  it("right to left, mirrors the axis, so a later milestone has a smaller x than an earlier one", () => {
    const rtl = byId("rtl");
    expect(rtl.late!.x).toBeLessThan(rtl.early!.x);
    expect(rtl.late!.x).toBeLessThan(rtl.day!.x);
    expect(rtl.day!.x).toBeLessThan(rtl.early!.x + rtl.early!.width);
    // The earliest year ends at the right edge of the track.
    expect(rtl.early!.x + rtl.early!.width).toBeCloseTo(1, 10);
  });

  it("places each period as the mirror image of its left-to-right place, in the same row", () => {
    const ltr = byId("ltr");
    const rtl = byId("rtl");
    for (const id of ["late", "early", "day"]) {
      expect(rtl[id]!.width).toBe(ltr[id]!.width);
      expect(rtl[id]!.x).toBeCloseTo(1 - ltr[id]!.x - ltr[id]!.width, 10);
      expect(rtl[id]!.row).toBe(ltr[id]!.row);
    }
  });

  it("widens a point-like period to the minimum bar width without leaving the axis", () => {
    const day = byId("ltr").day!;
    expect(day.width).toBe(0.006);
    const last = layoutLane([{ periodStart: "2022-12-31", periodEnd: "2022-12-31" }], axis, "rtl", sizes)[0]!;
    expect(last.x).toBeGreaterThanOrEqual(0);
    expect(last.x + last.width).toBeLessThanOrEqual(1);
  });

  it("mirrors points (today) and tick periods: the first year sits at the right in right to left", () => {
    expect(xOf("2021-01-01", axis, "ltr")).toBe(0);
    expect(xOf("2021-01-01", axis, "rtl")).toBe(1);
    expect(xOf("2022-07-01", axis, "rtl")).toBeLessThan(xOf("2021-07-01", axis, "rtl"));
    const [first, second] = ticksOf(axis, () => "m").map((tick) => placeOn({ start: tick.position, width: tick.end - tick.position }, "rtl"));
    expect(first!.x).toBeGreaterThan(second!.x);
    expect(first!.x + first!.width).toBeCloseTo(1, 10);
    expect(second!.x).toBeCloseTo(0, 10);
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
    const placed = layoutLane([ongoing, later], axis, "ltr", { markerWidth: 0.018, minBarWidth: 0.006 });
    const rows = new Map(placed.map((p) => [p.item.status, p.row]));
    expect(rows.get("ongoing")).not.toBe(rows.get("planned"));
    // Mirrored in right-to-left: the band ends at the left edge (the latest dates).
    const rtl = layoutLane([ongoing], axis, "rtl", { markerWidth: 0.018, minBarWidth: 0.006 });
    expect(rtl[0]!.x).toBeCloseTo(0, 10);
  });
});
