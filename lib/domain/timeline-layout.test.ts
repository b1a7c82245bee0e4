import { describe, expect, it } from "vitest";
import { assignRows, axisForExtent, positionOf, spanOf, ticksOf } from "./timeline-layout";

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
