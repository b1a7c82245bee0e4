import { describe, expect, it } from "vitest";
import { cumulateByQuarter, nextQuarter } from "./stats";

describe("quarterly progress series", () => {
  it("steps through quarters across a year end", () => {
    expect(nextQuarter("2021-Q3")).toBe("2021-Q4");
    expect(nextQuarter("2021-Q4")).toBe("2022-Q1");
  });

  it("fills empty quarters and keeps running totals", () => {
    const series = cumulateByQuarter(
      [
        { quarter: "2021-Q1", n: 2 },
        { quarter: "2021-Q4", n: 3 },
      ],
      [{ quarter: "2021-Q2", n: 1 }],
    );
    expect(series.map((point) => point.quarter)).toEqual(["2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]);
    expect(series.map((point) => point.cumulativeDue)).toEqual([2, 2, 2, 5]);
    expect(series.map((point) => point.cumulativeCompleted)).toEqual([0, 1, 1, 1]);
  });

  it("is empty without milestones", () => {
    expect(cumulateByQuarter([], [])).toEqual([]);
  });
});
