import { describe, expect, it } from "vitest";
import { slipMonths } from "./slip";

describe("slipMonths", () => {
  it("counts whole months between the starts of the baseline and the new date", () => {
    expect(slipMonths("2022-03", "2022-12")).toBe(9);
    expect(slipMonths("2022", "2023")).toBe(12);
    expect(slipMonths("2022-10-15", "2022-09")).toBe(-1);
  });
  it("is null while the plan never moved", () => {
    expect(slipMonths(null, "2022")).toBeNull();
  });
});
