import { describe, expect, it } from "vitest";
import { searchClauses } from "./search";

describe("searchClauses", () => {
  it("lets the other wording of the OSH forum's Chinese name find the report's wording", () => {
    const [clause] = searchClauses("职业安全与健康");
    expect(clause).toContain("职业健康与安全");
    expect(clause).toContain("职业安全与健康");
  });

  it("makes what surrounds a synonym inside a longer query clauses of their own", () => {
    const clauses = searchClauses("职业安全与健康论坛");
    expect(clauses).toHaveLength(2);
    expect(clauses[0]).toContain("职业健康与安全");
    expect(clauses[1]).toEqual(["论坛"]);
    expect(searchClauses("Data Cube 2021")).toEqual([["Data Cube", "数据立方"], ["2021"]]);
  });

  it("expands an abbreviation to its names and drops the two letters themselves", () => {
    const [clause] = searchClauses("AI");
    expect(clause).toContain("artificial intelligence");
    expect(clause).toContain("人工智能");
    expect(clause).not.toContain("AI");
  });

  it("makes each plain word a clause of its own", () => {
    expect(searchClauses("  data   standards ")).toEqual([["data"], ["standards"]]);
  });

  it("returns nothing for a blank query", () => {
    expect(searchClauses("   ")).toEqual([]);
  });
});
