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

describe("ongoing (recurring) work", () => {
  it("is left out of the completion share, like cancelled milestones", () => {
    expect(progressOf(counts({ completed: 2, planned: 2, ongoing: 4 }))).toEqual({ completed: 2, total: 4, ratio: 0.5 });
    expect(progressOf(counts({ ongoing: 3 }))).toEqual({ completed: 0, total: 0, ratio: 0 });
  });

  it("does not make a workstream off track or at risk", () => {
    expect(healthOf(counts({ ongoing: 5, completed: 1 }), 0)).toBe("on_track");
  });
});
