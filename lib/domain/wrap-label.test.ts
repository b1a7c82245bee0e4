import { describe, expect, it } from "vitest";
import { wrapLabel } from "./wrap-label";

describe("chart label wrapping", () => {
  it("keeps a short label on one line", () => {
    expect(wrapLabel("HLCM Risk Management Forum", 34, 2)).toEqual(["HLCM Risk Management Forum"]);
  });

  it("wraps at word breaks and ends a cut label with an ellipsis", () => {
    const lines = wrapLabel("Common approach to integrating biodiversity and nature-based solutions for sustainable development", 34, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("Common approach to integrating");
    expect(lines[1]!.endsWith("…")).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(34);
  });

  it("cuts a single word longer than the width", () => {
    expect(wrapLabel("Supercalifragilisticexpialidocious", 10, 2)).toEqual(["Supercali…"]);
  });
});
