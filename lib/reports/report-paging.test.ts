import { describe, expect, it } from "vitest";
import { pageOfSections, type ReportRow, type WorkstreamSection } from "./report-data";

const rows = (n: number) => Array.from({ length: n }, () => ({}) as ReportRow);
const section = (slug: string, milestones: number, next = 0) =>
  ({
    slug,
    groups: { completed: rows(milestones), inProgress: [], slipped: [], planned: [], cancelled: [] },
    next: rows(next),
  }) as unknown as WorkstreamSection;

describe("the report page's pages of workstream sections", () => {
  const sections = [section("a", 30), section("b", 15, 5), section("c", 50), section("d", 0), section("e", 10)];

  it("fill each page up to the budget, never splitting a section, and keep every section once", () => {
    const pages = [1, 2, 3].map((page) => pageOfSections(sections, page, 40).sections.map((s) => s.slug));
    expect(pages[0]).toEqual(["a"]); // a (30) + b (20) would pass 40
    expect(pages[1]).toEqual(["b"]); // b (20) + c (50) would pass 40
    expect(pages[2]).toEqual(["c"]); // one section larger than the budget still gets a page
    expect(pageOfSections(sections, 4, 40).sections.map((s) => s.slug)).toEqual(["d", "e"]);
    expect(pageOfSections(sections, 1, 40).totalPages).toBe(4);
  });

  it("clamp a page number out of range to the nearest page", () => {
    expect(pageOfSections(sections, 99, 40).page).toBe(4);
    expect(pageOfSections(sections, 0, 40).page).toBe(1);
    expect(pageOfSections([], 1).sections).toEqual([]);
  });
});
