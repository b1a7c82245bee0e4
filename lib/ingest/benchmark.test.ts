import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { reportSeed } from "@/db/seed/report-e-2022-13";
import { SOURCE_TEXT_PATH } from "@/db/seed/source-text";
import { parsePartialDate } from "@/lib/domain/partial-date";
import { ingestText } from "@/lib/ingest";
import { precisionOfWords, scoreProposals } from "./benchmark";

const raw = fs.readFileSync(SOURCE_TEXT_PATH, "utf8");
const curated = reportSeed.workstreams.flatMap((ws) =>
  ws.milestones.map((m) => ({
    key: `${ws.slug}/${m.key}`,
    paragraph: m.paragraph,
    date: m.date,
    precision: parsePartialDate(m.date)!.precision,
    quote: m.quote,
  })),
);

describe("E/2022/13 read into an empty tracker, against the curated seed (the bench's targets)", () => {
  const { read, proposals } = ingestText(raw, [], { symbol: "E/2022/13", lang: "zh", year: 2021 });
  const result = scoreProposals(proposals, curated, read, raw);

  it("finds at least 80 % of the curated milestones at their paragraph and date precision", () => {
    expect(result.recall).toBeGreaterThanOrEqual(0.8);
  });
  it("keeps precision at 50 % or more", () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.5);
  });
  it("quotes verbatim and dates no more precisely than the words", () => {
    expect(result.notVerbatim.map((p) => p.quote)).toEqual([]);
    expect(result.tooPrecise.map((p) => p.dateText)).toEqual([]);
  });
  it("proposes only new things on an empty tracker", () => {
    expect(new Set(proposals.map((p) => p.kind))).toEqual(new Set(["workstream", "milestone"]));
    expect(proposals.filter((p) => p.kind === "milestone").every((p) => p.workstream === null && p.proposedWorkstream)).toBe(true);
  });
});

describe("the scoring itself", () => {
  it("a proposal counts for one curated milestone only", () => {
    const read = { paragraphs: [{ number: 1, text: "2021 年，甲启动了乙。", headings: [], footnoteRefs: [] }], footnotes: new Map(), links: [] };
    const proposal = { kind: "milestone", paragraph: 1, datePrecision: "year", date: "2021", quote: "2021 年，甲启动了乙", dateText: "2021 年" } as never;
    const two = [1, 2].map((n) => ({ key: `k${n}`, paragraph: 1, date: "2021", precision: "year" as const, quote: "x" }));
    const result = scoreProposals([proposal], two, read, "2021 年，甲启动了乙。");
    expect([result.matched, result.recall, result.precision]).toEqual([1, 0.5, 1]);
  });
  it("reads the precision the words support", () => {
    expect([precisionOfWords(null), precisionOfWords("2021 年"), precisionOfWords("2021 年 10 月"), precisionOfWords("9 月 15 日和 16 日")]).toEqual([
      "year",
      "year",
      "month",
      "day",
    ]);
    expect([precisionOfWords("October 2021"), precisionOfWords("15 September 2021"), precisionOfWords("early 2022")]).toEqual(["month", "day", "year"]);
  });
});
