import { describe, expect, it } from "vitest";
import { attentionLevel, compareAttention } from "./attention";

describe("attention rules", () => {
  it("ranks delayed above overdue above at risk, and never flags closed milestones", () => {
    expect(attentionLevel("delayed", false)).toBe("delayed");
    expect(attentionLevel("at_risk", true)).toBe("overdue");
    expect(attentionLevel("at_risk", false)).toBe("at_risk");
    expect(attentionLevel("in_progress", true)).toBe("overdue");
    expect(attentionLevel("planned", false)).toBeNull();
    expect(attentionLevel("completed", true)).toBeNull();
    expect(attentionLevel("cancelled", true)).toBeNull();
  });

  it("sorts by severity, then the oldest first", () => {
    const items = [
      { id: 1, level: "at_risk" as const, since: "2020-01-01" },
      { id: 2, level: "delayed" as const, since: "2022-05-01" },
      { id: 3, level: "delayed" as const, since: "2021-05-01" },
      { id: 4, level: "overdue" as const, since: "2019-01-01" },
    ];
    expect(items.sort(compareAttention).map((item) => item.id)).toEqual([3, 2, 4, 1]);
  });
});
