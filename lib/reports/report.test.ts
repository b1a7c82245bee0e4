import { describe, expect, it } from "vitest";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { approximateWidth, fitLabel, sceneToSvg, statusMixScene } from "./charts";
import { compactRanges, sectionLetter } from "./document";
import { normalizeReportParams, reportExportQuerySchema, reportFileName, reportOptionsQuery } from "./options";
import { cumulateByMonth, groupMilestones, type ReportRow } from "./report-data";
import { reportDate } from "./formatting";
import { reportText } from "./report-text";
import { parseQueryStrict } from "@/lib/validation/filters";

const row = (overrides: Partial<ReportRow>): ReportRow => ({
  number: 1,
  milestoneId: 1,
  workstreamSlug: "a",
  workstream: "A",
  bodyCode: "CEB",
  title: "T",
  date: "2021",
  datePrecision: "year",
  dateLabel: "2021",
  baselineDate: null,
  baselineLabel: null,
  slipMonths: null,
  titleTranslated: true,
  workstreamTranslated: true,
  periodStart: "2021-01-01",
  periodEnd: "2021-12-31",
  status: "planned",
  statusLabel: "Planned",
  overdue: false,
  completedOn: null,
  sourceParagraph: 1,
  sourceFootnote: null,
  alsoParagraphs: [],
  source: "E/2022/13, para. 1",
  symbols: [],
  urls: [],
  evidenceNotes: [],
  quoteZh: null,
  reason: null,
  ...overrides,
});

describe("report dates", () => {
  it("show a date at its own precision, never a day the source lacks", () => {
    expect(reportDate("2021-10", "en")).toBe("October 2021");
    expect(reportDate("2021", "en")).toBe("2021");
    expect(reportDate("2021-09-15", "en")).toBe("15 September 2021");
    expect(reportDate("2021-10", "zh")).toBe("2021年10月");
    expect(reportDate("2021-10", "en")).not.toMatch(/\b1\b/);
  });

  it("say the same as the dashboard's formatter (cached formatters change nothing)", () => {
    for (const value of ["2020", "2021-01", "2021-12", "2022-02-28"]) {
      expect(reportDate(value, "zh")).toBe(formatPartialDate(value, "zh-CN"));
      expect(reportDate(value, "en")).toBe(formatPartialDate(value, "en-GB"));
    }
  });
});

describe("grouping a workstream's milestones", () => {
  it("puts each milestone in one group: completed, cancelled, slipped (delayed, at risk or overdue), in progress, planned", () => {
    const groups = groupMilestones([
      row({ milestoneId: 1, status: "completed", overdue: false }),
      row({ milestoneId: 2, status: "cancelled" }),
      row({ milestoneId: 3, status: "delayed" }),
      row({ milestoneId: 4, status: "at_risk" }),
      row({ milestoneId: 5, status: "in_progress", overdue: true }),
      row({ milestoneId: 6, status: "in_progress" }),
      row({ milestoneId: 7, status: "planned", overdue: true }),
      row({ milestoneId: 8, status: "planned" }),
      row({ milestoneId: 9, status: "ongoing" }),
    ]);
    const ids = (list: ReportRow[]) => list.map((item) => item.milestoneId);
    expect(ids(groups.completed)).toEqual([1]);
    expect(ids(groups.cancelled)).toEqual([2]);
    expect(ids(groups.slipped)).toEqual([3, 4, 5, 7]);
    expect(ids(groups.inProgress)).toEqual([6]);
    expect(ids(groups.planned)).toEqual([8]);
    expect(ids(groups.ongoing)).toEqual([9]);
  });
});

describe("the year's curve", () => {
  it("has twelve months with running totals, completions before the year counting in January", () => {
    const points = cumulateByMonth(2021, {
      due: new Map([
        ["2021-03", 2],
        ["2021-12", 5],
      ]),
      completed: new Map([
        ["2020-11", 1],
        ["2021-03", 1],
        ["2022-02", 4],
      ]),
    });
    expect(points).toHaveLength(12);
    expect(points[0]).toMatchObject({ month: "2021-01", completed: 1, cumulativeCompleted: 1, cumulativeDue: 0 });
    expect(points[2]).toMatchObject({ month: "2021-03", due: 2, cumulativeDue: 2, cumulativeCompleted: 2 });
    expect(points[11]).toMatchObject({ cumulativeDue: 7, cumulativeCompleted: 2 });
  });
});

describe("report options", () => {
  it("accept a format, a language, workstreams and statuses, and name a bad one", () => {
    const ok = parseQueryStrict(
      reportExportQuerySchema,
      normalizeReportParams(new URLSearchParams("format=pdf&lang=zh&workstream=data-cube&workstream=ai-working-group&status=completed,delayed")),
    );
    expect(ok).toEqual({ ok: true, value: { format: "pdf", lang: "zh", workstream: ["data-cube", "ai-working-group"], status: ["completed", "delayed"] } });
    for (const [query, name] of [
      ["format=doc", "format"],
      ["lang=de", "lang"],
      ["workstream=Not_A_Slug", "workstream"],
      ["status=done", "status"],
      ["colour=red", "colour"],
    ]) {
      const parsed = parseQueryStrict(reportExportQuerySchema, new URLSearchParams(query));
      expect(parsed.ok, query).toBe(false);
      if (!parsed.ok) expect(parsed.invalidParams.map((param) => param.name)).toContain(name);
    }
  });

  it("are recorded in the URL and the file name carries year and language", () => {
    expect(reportOptionsQuery({ lang: "zh", workstream: ["a", "b"], status: ["completed"] }, { format: "csv" })).toBe(
      "?format=csv&lang=zh&workstream=a%2Cb&status=completed",
    );
    expect(reportOptionsQuery({ lang: "en" })).toBe("");
    expect(reportFileName(2021, "zh", "pdf")).toBe("ceb-progress-2021-zh.pdf");
  });
});

describe("document helpers", () => {
  it("compacts paragraph lists and letters sections as UN reports do", () => {
    expect(compactRanges([29, 27, 28, 31])).toBe("27–29, 31");
    expect(sectionLetter(1)).toBe("A");
    expect(sectionLetter(26)).toBe("Z");
    expect(sectionLetter(27)).toBe("AA");
    expect(sectionLetter(28)).toBe("AB");
  });

  it("names statuses in the report's language", () => {
    expect(reportText("zh").status.delayed).toBe("已推迟");
    expect(reportText("en").status.delayed).toBe("Delayed");
  });
});

describe("chart images", () => {
  it("draw one bar segment per non-zero status and fit long labels", () => {
    const scene = statusMixScene(
      [
        {
          label: "A very long workstream name that will certainly not fit in the label column of the chart",
          counts: { planned: 1, in_progress: 0, ongoing: 0, completed: 2, delayed: 0, at_risk: 0, cancelled: 0 },
        },
      ],
      reportText("en").status,
      470,
      "Figure",
    );
    const bars = scene.shapes.filter((shape) => shape.type === "rect" && shape.h === 11);
    expect(bars).toHaveLength(2);
    const labels = scene.shapes.filter((shape) => shape.type === "text" && shape.anchor === "end");
    for (const label of labels) if (label.type === "text") expect(approximateWidth(label.text, label.size)).toBeLessThanOrEqual(470 * 0.36 + 0.01);
    expect(sceneToSvg(scene, "Noto Sans SC")).toContain("<title>Figure</title>");
    expect(fitLabel("人工智能问题工作组", 10, 45)).toBe("人工智…");
    expect(fitLabel("Inter-Agency Working Group on Artificial Intelligence", 10, 60)).toMatch(/^Inter-A.*\.\.\.$/);
  });
});
