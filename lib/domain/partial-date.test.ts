import { describe, expect, it } from "vitest";
import { DATE_RANGE, formatPartialDate, isOverdue, isYearInRange, parsePartialDate, partialDateProblem, periodOf, quarterOf } from "./partial-date";

describe("partial dates keep the precision of their source", () => {
  it("parses year, month and day precision", () => {
    expect(parsePartialDate("2021")).toMatchObject({ precision: "year", year: 2021 });
    expect(parsePartialDate("2021-10")).toMatchObject({ precision: "month", year: 2021, month: 10 });
    expect(parsePartialDate("2021-09-15")).toMatchObject({ precision: "day", month: 9, day: 15 });
  });

  it("rejects impossible and malformed dates", () => {
    for (const bad of ["2021-13", "2021-00", "2021-02-30", "21-10", "2021/10", "2021-1", ""]) {
      expect(parsePartialDate(bad), bad).toBeNull();
    }
    expect(parsePartialDate("2024-02-29")).not.toBeNull();
  });

  it("keeps every date within one range, 1945 to 2100, which filters and reports use too", () => {
    expect(DATE_RANGE).toEqual({ min: 1945, max: 2100 });
    for (const bad of ["0001", "0000", "1944", "1944-12-31", "2101", "9999-12", "9999-12-31"]) {
      expect(parsePartialDate(bad), bad).toBeNull();
      expect(partialDateProblem(bad), bad).toBe("range");
    }
    for (const good of ["1945", "1945-01-01", "2100-12", "2100-12-31"]) expect(parsePartialDate(good), good).not.toBeNull();
    expect(partialDateProblem("2021-13")).toBe("format");
    expect(partialDateProblem("2021-10")).toBeNull();
    expect([1944, 1945, 2100, 2101].map(isYearInRange)).toEqual([false, true, true, false]);
  });

  it("covers the whole period of a year or a month", () => {
    expect(periodOf(parsePartialDate("2021")!)).toEqual({ start: "2021-01-01", end: "2021-12-31" });
    expect(periodOf(parsePartialDate("2021-10")!)).toEqual({ start: "2021-10-01", end: "2021-10-31" });
    expect(periodOf(parsePartialDate("2022-02")!)).toEqual({ start: "2022-02-01", end: "2022-02-28" });
    expect(periodOf(parsePartialDate("2021-09-15")!)).toEqual({ start: "2021-09-15", end: "2021-09-15" });
  });

  it('shows "2021-10" as a month, never as 1 October', () => {
    expect(formatPartialDate("2021-10", "en")).toBe("October 2021");
    expect(formatPartialDate("2021-10", "en")).not.toMatch(/\b1\b/);
    expect(formatPartialDate("2021", "en")).toBe("2021");
    expect(formatPartialDate("2021-09-15", "en")).toBe("September 15, 2021");
    expect(formatPartialDate("2021-10", "zh")).toBe("2021年10月");
  });

  it("puts a day in its calendar quarter", () => {
    expect(quarterOf("2021-01-01")).toBe("2021-Q1");
    expect(quarterOf("2021-03-31")).toBe("2021-Q1");
    expect(quarterOf("2021-04-01")).toBe("2021-Q2");
    expect(quarterOf("2021-12-31")).toBe("2021-Q4");
  });

  it("counts a milestone overdue only once its whole period has passed and it is open", () => {
    expect(isOverdue("2021-10-31", "planned", "2021-10-31")).toBe(false);
    expect(isOverdue("2021-10-31", "planned", "2021-11-01")).toBe(true);
    expect(isOverdue("2021-10-31", "in_progress", "2022-01-01")).toBe(true);
    expect(isOverdue("2021-10-31", "completed", "2022-01-01")).toBe(false);
    expect(isOverdue("2021-10-31", "cancelled", "2022-01-01")).toBe(false);
  });
});

describe("ongoing work and overdue", () => {
  it("is never overdue: recurring work has no end to miss", () => {
    expect(isOverdue("2021-12-31", "ongoing", "2026-12-05")).toBe(false);
    expect(isOverdue("2021-12-31", "in_progress", "2026-12-05")).toBe(true);
  });
});
