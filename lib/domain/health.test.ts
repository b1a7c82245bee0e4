import { describe, expect, it } from "vitest";
import { emptyStatusCounts, healthOf, progressOf } from "./health";

const counts = (overrides: Partial<ReturnType<typeof emptyStatusCounts>>) => ({ ...emptyStatusCounts(), ...overrides });

describe("workstream health and progress", () => {
  it("is on track when nothing is delayed, at risk or overdue", () => {
    expect(healthOf(counts({ completed: 3, planned: 2 }), 0)).toBe("on_track");
  });

  it("is at risk when a milestone is at risk", () => {
    expect(healthOf(counts({ completed: 3, at_risk: 1 }), 0)).toBe("at_risk");
  });

  it("is off track when a milestone is delayed or overdue, even if another is at risk", () => {
    expect(healthOf(counts({ delayed: 1, at_risk: 1 }), 0)).toBe("off_track");
    expect(healthOf(counts({ planned: 1 }), 1)).toBe("off_track");
  });

  it("counts progress over milestones that are not cancelled", () => {
    expect(progressOf(counts({ completed: 3, planned: 1, cancelled: 2 }))).toEqual({ completed: 3, total: 4, ratio: 0.75 });
    expect(progressOf(emptyStatusCounts())).toEqual({ completed: 0, total: 0, ratio: 0 });
  });
});
