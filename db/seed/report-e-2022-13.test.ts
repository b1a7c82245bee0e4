import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_PERIOD_DATE_QUOTE, REPORT_PERIOD_PARAGRAPH, reportSeed } from "./report-e-2022-13";
import { type ParsedReportSeed, reportSeedSchema } from "./seed-schema";
import { containsQuote, normalizeForQuote, type ParsedReport, parseReport, SOURCE_TEXT_PATH } from "./source-text";

type Workstream = ParsedReportSeed["workstreams"][number];
type Milestone = Workstream["milestones"][number];
type Evidence = Milestone["evidence"][number];

/** The year the report covers: nothing later may be `completed`. */
const REPORT_YEAR = 2021;
const REQUIRED_SLUGS = [
  "ai-working-group",
  "inequalities-task-team",
  "sexual-harassment-task-force",
  "data-cube",
  "occupational-health-safety-forum",
];

// ───────────────────────────── pure checkers ─────────────────────────────

interface Source {
  report: ParsedReport;
  /** The whole source text, for symbol look-ups. */
  text: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "2021" must appear as a year of its own ("2021 年"), not as the end of a range such as "2020-2021 年". */
function yearPattern(year: string): RegExp {
  return new RegExp(`(?<![\\d/\\-–])${year}年`);
}

/**
 * Whether `date` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") is no more precise than the snippets say.
 * Snippets are compared without whitespace. For a day, "9 月 15 日和 16 日" supports both the
 * 15th and the 16th; the year may come from the snippets or from the paragraph.
 */
function dateSupported(date: string, snippets: string[], paragraphText = ""): boolean {
  const texts = snippets.map(normalizeForQuote);
  const [y, m, d] = date.split("-");
  if (!y) return false;
  const month = m ? String(Number(m)) : undefined;
  const day = d ? String(Number(d)) : undefined;
  if (!month) return texts.some((t) => yearPattern(y).test(t));
  if (!day) {
    const re = new RegExp(`(?<![\\d/\\-–])${y}年${month}月`);
    return texts.some((t) => re.test(t));
  }
  const dayRe = new RegExp(`(?<!\\d)${month}月(\\d{1,2}日(和|、|至|-|–))*${day}日`);
  const hasDay = texts.some((t) => dayRe.test(t));
  const hasYear = [...texts, normalizeForQuote(paragraphText)].some((t) => yearPattern(y).test(t));
  return hasDay && hasYear;
}

/** Texts a milestone's quote may come from: its paragraph, and its footnote if it names one. */
function quoteSources(source: Source, m: Milestone): string[] {
  const out: string[] = [];
  const p = source.report.paragraphs.get(m.paragraph);
  if (p !== undefined) out.push(p);
  if (m.footnote !== undefined) {
    const f = source.report.footnotes.get(m.footnote);
    if (f !== undefined) out.push(f);
  }
  return out;
}

/** Whether dateQuote is the report's own statement of its period (para. 2), used only for year 2021. */
function isReportPeriodDateQuote(m: Milestone): boolean {
  return m.dateQuote === REPORT_PERIOD_DATE_QUOTE;
}

function symbolInSource(text: string, symbol: string): boolean {
  // Case-insensitive (para. 24 prints "CEB/2021/2/add.1"); must not run on into a longer symbol
  // (link lines print symbols after "https://undocs.org/ch/", so a leading "/" is allowed).
  const re = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(symbol)}(?![A-Za-z0-9/.]|\\.[A-Za-z0-9])`, "i");
  return re.test(text);
}

const stripScheme = (u: string) => u.replace(/^https?:\/\//i, "");

/**
 * A URL is evidence if a link line prints it (scheme-insensitive: footnotes print bare
 * "www." addresses that the seed prefixes with https://). One link line wraps a bare address
 * into another URL (footnote 3), so a link line ending in "/<url>" also counts.
 */
function urlInLinks(links: string[], url: string): boolean {
  const u = stripScheme(url);
  return links.some((l) => {
    const s = stripScheme(l);
    return s === u || s.endsWith(`/${u}`);
  });
}

function checkEvidence(source: Source, label: string, evidence: Evidence[]): string[] {
  const problems: string[] = [];
  for (const e of evidence) {
    if (e.kind === "symbol" && !symbolInSource(source.text, e.value)) {
      problems.push(`${label}: symbol ${e.value} does not occur in the source text`);
    }
    if (e.kind === "url" && !urlInLinks(source.report.links, e.value)) {
      problems.push(`${label}: URL ${e.value} is not among the source's link lines`);
    }
  }
  return problems;
}

/** Every problem with one milestone, each message naming it as "<slug>/<key>". */
function checkMilestone(source: Source, ws: Workstream, m: Milestone): string[] {
  const label = `${ws.slug}/${m.key}`;
  const problems: string[] = [];
  const paragraphText = source.report.paragraphs.get(m.paragraph);

  if (paragraphText === undefined) problems.push(`${label}: paragraph ${m.paragraph} does not exist in the text`);
  if (!ws.paragraphs.includes(m.paragraph)) {
    problems.push(`${label}: paragraph ${m.paragraph} is not among the workstream's paragraphs [${ws.paragraphs.join(", ")}]`);
  }
  if (m.footnote !== undefined && !source.report.footnotes.has(m.footnote)) {
    problems.push(`${label}: footnote ${m.footnote} does not exist in the text`);
  }

  const sources = quoteSources(source, m);
  const where = m.footnote !== undefined ? `paragraph ${m.paragraph} or footnote ${m.footnote}` : `paragraph ${m.paragraph}`;
  if (!sources.some((t) => containsQuote(t, m.quote))) {
    problems.push(`${label}: quote not found verbatim in ${where}: «${m.quote}»`);
  }

  const reportPeriod = isReportPeriodDateQuote(m);
  if (m.dateQuote !== undefined) {
    if (reportPeriod) {
      const p2 = source.report.paragraphs.get(REPORT_PERIOD_PARAGRAPH) ?? "";
      if (!containsQuote(p2, m.dateQuote)) problems.push(`${label}: report-period dateQuote not found in paragraph ${REPORT_PERIOD_PARAGRAPH}`);
      if (m.date !== String(REPORT_YEAR) || (m.completedOn !== undefined && m.completedOn !== String(REPORT_YEAR))) {
        problems.push(`${label}: a report-period dateQuote only supports the year ${REPORT_YEAR}, not ${m.date}/${m.completedOn}`);
      }
    } else if (!sources.some((t) => containsQuote(t, m.dateQuote ?? ""))) {
      problems.push(`${label}: dateQuote not found verbatim in ${where}: «${m.dateQuote}»`);
    }
  }

  const snippets = [m.quote, ...(m.dateQuote !== undefined ? [m.dateQuote] : [])];
  if (!dateSupported(m.date, snippets, paragraphText)) {
    problems.push(`${label}: date ${m.date} is more precise than (or absent from) its quote/dateQuote`);
  }
  if (m.completedOn !== undefined && !dateSupported(m.completedOn, snippets, paragraphText)) {
    problems.push(`${label}: completedOn ${m.completedOn} is more precise than (or absent from) its quote/dateQuote`);
  }

  const year = Number(m.date.slice(0, 4));
  if (m.status === "completed") {
    if (m.completedOn === undefined) problems.push(`${label}: completed but has no completedOn`);
    if (year > REPORT_YEAR) problems.push(`${label}: dated ${m.date}, after ${REPORT_YEAR}, but marked completed`);
    if (m.completedOn !== undefined && Number(m.completedOn.slice(0, 4)) > REPORT_YEAR) {
      problems.push(`${label}: completedOn ${m.completedOn} is after the report year`);
    }
    if (m.completedOn !== undefined && m.completedOn < m.date.slice(0, m.completedOn.length)) {
      problems.push(`${label}: completedOn ${m.completedOn} precedes date ${m.date}`);
    }
  } else if (m.completedOn !== undefined) {
    problems.push(`${label}: status ${m.status} but completedOn is set`);
  }
  if (m.status === "planned" && year <= REPORT_YEAR) {
    problems.push(`${label}: planned but dated ${m.date}, within the report year`);
  }

  problems.push(...checkEvidence(source, label, m.evidence));
  return problems;
}

/** Every problem with a whole seed. */
function checkSeed(source: Source, seed: ParsedReportSeed): string[] {
  const problems: string[] = [];
  const bodyCodes = new Set(seed.bodies.map((b) => b.code));
  for (const b of seed.bodies) {
    if (b.parentCode !== null && !bodyCodes.has(b.parentCode)) problems.push(`body ${b.code}: unknown parent ${b.parentCode}`);
  }
  if (bodyCodes.size !== seed.bodies.length) problems.push("body codes are not unique");

  const slugs = new Set<string>();
  for (const ws of seed.workstreams) {
    if (slugs.has(ws.slug)) problems.push(`workstream ${ws.slug}: duplicate slug`);
    slugs.add(ws.slug);
    if (!bodyCodes.has(ws.bodyCode)) problems.push(`workstream ${ws.slug}: unknown body ${ws.bodyCode}`);
    for (const p of ws.paragraphs) {
      if (!source.report.paragraphs.has(p)) problems.push(`workstream ${ws.slug}: paragraph ${p} does not exist in the text`);
    }
    problems.push(...checkEvidence(source, `workstream ${ws.slug}`, ws.evidence));
    const keys = new Set<string>();
    for (const m of ws.milestones) {
      if (keys.has(m.key)) problems.push(`${ws.slug}/${m.key}: duplicate milestone key`);
      keys.add(m.key);
      problems.push(...checkMilestone(source, ws, m));
    }
  }
  for (const slug of REQUIRED_SLUGS) {
    if (!slugs.has(slug)) problems.push(`required workstream ${slug} is missing`);
  }
  return problems;
}

// ───────────────────────────── tests ─────────────────────────────

let source: Source;
let seed: ParsedReportSeed;

beforeAll(() => {
  const text = readFileSync(SOURCE_TEXT_PATH, "utf8");
  source = { report: parseReport(text), text };
  seed = reportSeedSchema.parse(reportSeed);
});

describe("source text parser", () => {
  it("finds paragraphs 1–83 and footnotes 1–41 in order", () => {
    expect([...source.report.paragraphs.keys()]).toEqual(Array.from({ length: 83 }, (_, i) => i + 1));
    expect([...source.report.footnotes.keys()]).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
  });

  it("keeps footnote blocks, link lines and page headers out of paragraphs", () => {
    for (const [n, p] of source.report.paragraphs) {
      expect(p, `paragraph ${n}`).not.toMatch(/_{5,}|https?:\/\/|22-04591/);
      expect(p, `paragraph ${n}`).not.toContain("\n");
    }
    // Para. 33 runs across a page break with footnotes 16–18 in between.
    expect(containsQuote(source.report.paragraphs.get(33) ?? "", "2022 年 3 月第四十三届会议")).toBe(true);
    expect(source.report.footnotes.get(34)).toMatch(/^可查阅 https:\/\/unsceb\.org/);
    expect(source.report.footnotes.get(1)).toContain("Senior%20Leadership%20Commitments_0.pdf");
  });

  it("normalizeForQuote removes all whitespace", () => {
    expect(normalizeForQuote(" 2021 年 10 月\n\n虚拟 ")).toBe("2021年10月虚拟");
  });
});

describe("report seed E/2022/13", () => {
  it("parses with reportSeedSchema", () => {
    const result = reportSeedSchema.safeParse(reportSeed);
    expect(result.success, result.success ? "" : JSON.stringify(result.error.issues, null, 2)).toBe(true);
  });

  it("has the document title as the report writes it", () => {
    expect(seed.document.symbol).toBe("E/2022/13");
    expect(containsQuote(source.text, seed.document.titleZh)).toBe(true);
  });

  it("passes every check against the source text", () => {
    expect(checkSeed(source, seed)).toEqual([]);
  });

  it("has the required workstreams, with UNESCO and ITU leading the AI working group", () => {
    const slugs = seed.workstreams.map((w) => w.slug);
    for (const slug of REQUIRED_SLUGS) expect(slugs, `missing ${slug}`).toContain(slug);
    const ai = seed.workstreams.find((w) => w.slug === "ai-working-group");
    expect([...(ai?.leads ?? [])].sort()).toEqual(["ITU", "UNESCO"]);
    expect(seed.workstreams.find((w) => w.slug === "inequalities-task-team")?.leads).toEqual(["OHCHR", "UN-Women"]);
  });

  it("has unique slugs and milestone keys", () => {
    const slugs = seed.workstreams.map((w) => w.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const ws of seed.workstreams) {
      const keys = ws.milestones.map((m) => m.key);
      expect(new Set(keys).size, `duplicate milestone key in ${ws.slug}`).toBe(keys.length);
    }
  });

  it("includes the milestones the brief singles out", () => {
    const find = (slug: string, key: string) =>
      seed.workstreams.find((w) => w.slug === slug)?.milestones.find((m) => m.key === key);
    expect(find("ai-working-group", "ethics-recommendation-adopted")).toMatchObject({ date: "2021-11", status: "completed" });
    expect(find("ai-working-group", "working-group-established")).toMatchObject({ date: "2020-10" });
    expect(find("ai-working-group", "future-lab-2022-01")).toMatchObject({ date: "2022-01", status: "planned" });
    expect(find("inequalities-task-team", "reflection-paper-hlcp-43")).toMatchObject({ date: "2022-03", status: "planned" });
    expect(find("un-digital-id", "system-wide-scale-up")).toMatchObject({ date: "2022", status: "planned" });
    expect(find("jiu-coordination", "jiu-focal-points-meeting")).toMatchObject({ date: "2021-09-15" });
    expect(find("jiu-coordination", "inspectors-appointed-2022")).toMatchObject({ date: "2022", status: "planned" });
  });
});

describe("the checkers can fail", () => {
  const ws = () => seed.workstreams.find((w) => w.slug === "ai-working-group") as Workstream;
  const recommendation = () => ws().milestones.find((m) => m.key === "ethics-recommendation-adopted") as Milestone;

  it("accepts the unmodified milestone", () => {
    expect(checkMilestone(source, ws(), recommendation())).toEqual([]);
  });

  it("rejects a mutated quote", () => {
    const m = { ...recommendation(), quote: recommendation().quote.replace("第四十一届", "第四十二届") };
    expect(checkMilestone(source, ws(), m)).toEqual([expect.stringMatching(/ai-working-group\/ethics-recommendation-adopted: quote not found/)]);
  });

  it("rejects a quote cited from the wrong paragraph", () => {
    const m = { ...recommendation(), paragraph: 28 };
    expect(checkMilestone(source, ws(), m).join("\n")).toMatch(/quote not found verbatim in paragraph 28/);
  });

  it("rejects an over-precise date", () => {
    const m = { ...recommendation(), date: "2021-11-03", completedOn: "2021-11-03" };
    const problems = checkMilestone(source, ws(), m).join("\n");
    expect(problems).toMatch(/date 2021-11-03 is more precise/);
    expect(problems).toMatch(/completedOn 2021-11-03 is more precise/);
    expect(dateSupported("2021-05", ["2021 年，委员会"])).toBe(false);
    expect(dateSupported("2021", ["2021 年，委员会"])).toBe(true);
  });

  it("does not read a year out of a range or a month out of a longer one", () => {
    expect(dateSupported("2021", ["根据其 2020/2021 年工作计划"])).toBe(false);
    expect(dateSupported("2030", ["《2020-2030 年联合国系统可持续性管理战略》"])).toBe(false);
    expect(dateSupported("2021-01", ["2021 年 11 月"])).toBe(false);
    expect(dateSupported("2021-09-16", ["于 9 月 15 日和 16 日召开"], "在 2021 年全年")).toBe(true);
    expect(dateSupported("2021-09-17", ["于 9 月 15 日和 16 日召开"], "在 2021 年全年")).toBe(false);
    expect(dateSupported("2021-09-15", ["于 9 月 15 日和 16 日召开"], "没有年份")).toBe(false);
  });

  it("rejects a completed milestone dated after the report year, or without completedOn", () => {
    const future = ws().milestones.find((m) => m.key === "future-lab-2022-01") as Milestone;
    expect(checkMilestone(source, ws(), { ...future, status: "completed", completedOn: "2022-01" }).join("\n")).toMatch(
      /after 2021, but marked completed/,
    );
    const { completedOn: _omit, ...noCompletion } = recommendation();
    expect(checkMilestone(source, ws(), noCompletion).join("\n")).toMatch(/completed but has no completedOn/);
  });

  it("rejects a report-period dateQuote for anything but the year 2021", () => {
    const m = { ...recommendation(), quote: "通过了该建议书草案", dateQuote: REPORT_PERIOD_DATE_QUOTE, date: "2021-11", completedOn: "2021-11" };
    expect(checkMilestone(source, ws(), m).join("\n")).toMatch(/only supports the year 2021/);
  });

  it("rejects unknown evidence and a paragraph outside the workstream", () => {
    const m: Milestone = {
      ...recommendation(),
      evidence: [
        { kind: "symbol", value: "CEB/2021/9" },
        { kind: "symbol", value: "CEB/2021/1" },
        { kind: "url", value: "https://unsceb.org/not-in-the-report" },
      ],
    };
    const problems = checkMilestone(source, ws(), m).join("\n");
    expect(problems).toMatch(/symbol CEB\/2021\/9 does not occur/);
    expect(problems).toMatch(/symbol CEB\/2021\/1 does not occur/);
    expect(problems).toMatch(/URL https:\/\/unsceb.org\/not-in-the-report is not among/);
    expect(symbolInSource(source.text, "CEB/2021/2/Add.1")).toBe(true);
    expect(urlInLinks(source.report.links, "https://www.greeningtheblue.org/")).toBe(true);

    const narrow = { ...ws(), paragraphs: [28, 29] };
    expect(checkMilestone(source, narrow, recommendation()).join("\n")).toMatch(/paragraph 27 is not among the workstream's paragraphs/);
  });
});
