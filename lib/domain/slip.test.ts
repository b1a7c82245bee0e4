import { describe, expect, it } from "vitest";
import { slipBetween, slipMessageValues, slipMonths, slipOf } from "./slip";
import { dayOf as d } from "./timeline-window";

describe("slipMonths", () => {
  it("counts whole months between the ends of the baseline's period and the new one", () => {
    expect(slipMonths("2022-03", "2022-12")).toBe(9);
    expect(slipMonths("2022", "2023")).toBe(12);
    expect(slipMonths("2022-10-15", "2022-09")).toBe(-1);
    // Due by the end of 2022, now due in June 2023: six months late (the attention list says the same).
    expect(slipMonths("2022", "2023-06")).toBe(6);
  });
  it("is null while the plan never moved", () => {
    expect(slipMonths(null, "2022")).toBeNull();
  });
});

describe("the one slip rule", () => {
  it("measures a slip in months, or in days when a date gives the day", () => {
    expect(slipOf({ periodEnd: "2022-12-31", precision: "year" }, { periodEnd: "2023-06-30", precision: "month" })).toEqual({ unit: "month", amount: 6 });
    expect(slipOf({ periodEnd: "2022-03-10", precision: "day" }, { periodEnd: "2022-03-31", precision: "month" })).toEqual({ unit: "day", amount: 21 });
    expect(slipOf({ periodEnd: null, precision: null }, { periodEnd: "2023-06-30", precision: "month" })).toBeNull();
  });

  it("measures the roadmap's bars from the baseline's end to the new end", () => {
    expect(slipBetween(d("2021-10-31"), d("2022-03-31"), false)).toEqual({ unit: "month", amount: 5 });
    expect(slipBetween(d("2021-10-31"), d("2022-03-31"), true)).toEqual({ unit: "day", amount: 151 });
    expect(slipMessageValues({ unit: "day", amount: 151 })).toEqual({ months: 0, days: 151 });
    expect(slipMessageValues({ unit: "month", amount: 5 })).toEqual({ months: 5, days: 0 });
  });
});
