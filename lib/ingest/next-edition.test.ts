import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportSeed } from "@/db/seed/report-e-2022-13";
import { ingestText, type TrackedWorkstream } from "@/lib/ingest";

/**
 * A few paragraphs written in the shape of the next edition (a "2022" report) against a tracker
 * holding the curated 2021 seed: one planned item done, one delayed, one done a month late, one
 * new milestone, the other 2022 commitments never mentioned.
 */
const text = fs.readFileSync(path.join(import.meta.dirname, "fixtures/next-edition.zh.txt"), "utf8");

let nextId = 1;
const tracker: TrackedWorkstream[] = reportSeed.workstreams.map((ws) => ({
  slug: ws.slug,
  nameEn: ws.nameEn,
  nameZh: ws.nameZh,
  bodyCode: ws.bodyCode,
  leads: ws.leads,
  milestones: ws.milestones.map((m) => ({
    id: nextId++,
    titleEn: m.titleEn,
    titleZh: m.titleZh,
    date: m.date,
    datePrecision: m.date.length === 4 ? "year" : m.date.length === 7 ? "month" : "day",
    status: m.status,
    quote: m.quote,
    sourceParagraph: m.paragraph,
  })),
}));
const idOf = (slug: string, key: string) => {
  const ws = reportSeed.workstreams.findIndex((w) => w.slug === slug);
  const index = reportSeed.workstreams[ws]!.milestones.findIndex((m) => m.key === key);
  return tracker[ws]!.milestones[index]!.id;
};
const plannedFor = (slug: string, pattern: RegExp) =>
  tracker.find((w) => w.slug === slug)!.milestones.find((m) => m.status === "planned" && pattern.test(m.quote ?? ""))!.id;

const { read, proposals } = ingestText(text, tracker, { symbol: "E/2023/99", lang: "zh", year: 2022 });

describe("the next edition against the 2021 tracker", () => {
  it("reads the paragraphs through the page break, footnote block and page header", () => {
    expect(read.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(read.paragraphs[1]!.text).toBe(
      "2022 年 5 月，应首协会的请求，方案问题高级别委员会完成了一份联合国在超越国内生产总值方面所作的全系统贡献的文件，1 并提交首协会。",
    );
    expect(read.paragraphs[1]!.footnoteRefs).toEqual([{ footnote: 1, offset: expect.any(Number) }]);
    expect(read.paragraphs[2]!.headings.at(-1)).toBe("联合国数字身份证项目");
  });

  it("proposes the planned beyond-GDP document as completed, citing paragraph 2 and its footnote", () => {
    const change = proposals.find((p) => p.kind === "status-change" && p.milestoneId === plannedFor("beyond-gdp", /超越国内生产总值/));
    expect(change).toMatchObject({
      paragraph: 2,
      footnote: 1,
      fromStatus: "planned",
      status: "completed",
      date: "2022-05",
      datePrecision: "month",
      workstream: "beyond-gdp",
    });
    expect(read.paragraphs[1]!.text).toContain(change!.quote);
  });

  it("proposes the digital ID roll-out as delayed", () => {
    const change = proposals.find((p) => p.kind === "status-change" && p.milestoneId === plannedFor("un-digital-id", /企业级解决方案/));
    expect(change).toMatchObject({ paragraph: 3, fromStatus: "planned", status: "delayed", workstream: "un-digital-id" });
  });

  it("proposes the inequalities discussion at HLCP 43 as completed", () => {
    const change = proposals.find((p) => p.kind === "status-change" && p.milestoneId === idOf("inequalities-task-team", "reflection-paper-hlcp-43"));
    expect(change).toMatchObject({ paragraph: 4, status: "completed", date: "2022-03" });
  });

  it("proposes the new AI report as a milestone on the existing AI working group", () => {
    const milestone = proposals.find((p) => p.kind === "milestone" && p.paragraph === 5);
    expect(milestone).toMatchObject({ workstream: "ai-working-group", proposedWorkstream: null, date: "2022-10", status: "completed" });
    expect(proposals.some((p) => p.kind === "workstream")).toBe(false);
  });

  it("lists the 2022 commitments the report never mentions, and none that it does", () => {
    const silent = new Set(proposals.filter((p) => p.kind === "silent-commitment").map((p) => p.milestoneId));
    expect(silent.has(plannedFor("jiu-coordination", /检查专员/))).toBe(true);
    expect(silent.has(plannedFor("ai-working-group", /未来实验室/))).toBe(true);
    expect(silent.has(plannedFor("beyond-gdp", /超越国内生产总值/))).toBe(false);
    expect(silent.has(plannedFor("un-digital-id", /企业级解决方案/))).toBe(false);
    expect(silent.has(idOf("inequalities-task-team", "reflection-paper-hlcp-43"))).toBe(false);
    for (const p of proposals.filter((x) => x.kind === "silent-commitment")) {
      expect(["planned", "delayed", "at_risk"]).toContain(p.fromStatus);
      expect(Number(p.date!.slice(0, 4))).toBeLessThanOrEqual(2022);
    }
  });

  it("gives the same proposals, with the same keys, on every run", () => {
    expect(ingestText(text, tracker, { symbol: "E/2023/99", lang: "zh", year: 2022 }).proposals).toEqual(proposals);
  });
});
