import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { REPORT_PERIOD_DATE_QUOTE, REPORT_PERIOD_PARAGRAPH, reportSeed } from "./report-e-2022-13";
import { type ParsedReportSeed, reportSeedSchema } from "./seed-schema";
import { containsQuote, normalizeForQuote, type ParsedReport, parseReport, QUOTE_JOIN, quoteInSegments, SOURCE_TEXT_PATH } from "./source-text";

type Workstream = ParsedReportSeed["workstreams"][number];
type Milestone = Workstream["milestones"][number];
type Evidence = Milestone["evidence"][number];

/** The year the report covers: nothing later may be `completed`. */
const REPORT_YEAR = 2021;
const REQUIRED_SLUGS = ["ai-working-group", "inequalities-task-team", "sexual-harassment-task-force", "data-cube", "occupational-health-safety-forum"];

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

/**
 * Whether a snippet is verbatim in the milestone's paragraph (read piece by piece between page
 * breaks, so a join across a footnote block must be marked "…"), or in its footnote.
 */
function inParagraphOrFootnote(source: Source, paragraph: number, footnote: number | undefined, snippet: string): boolean {
  const segments = source.report.segments.get(paragraph) ?? [];
  if (quoteInSegments(segments, snippet)) return true;
  const f = footnote !== undefined ? source.report.footnotes.get(footnote) : undefined;
  return f !== undefined && !snippet.includes(QUOTE_JOIN) && containsQuote(f, snippet);
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

  const where = m.footnote !== undefined ? `paragraph ${m.paragraph} or footnote ${m.footnote}` : `paragraph ${m.paragraph}`;
  if (!inParagraphOrFootnote(source, m.paragraph, m.footnote, m.quote)) {
    problems.push(`${label}: quote not found verbatim in ${where} (a join across a page break must be marked "${QUOTE_JOIN}"): «${m.quote}»`);
  }
  for (const p of m.alsoParagraphs ?? []) {
    if (!source.report.paragraphs.has(p)) problems.push(`${label}: also-cited paragraph ${p} does not exist in the text`);
    if (p === m.paragraph) problems.push(`${label}: also-cited paragraph ${p} is its own paragraph`);
  }

  const reportPeriod = isReportPeriodDateQuote(m);
  if (m.dateQuote !== undefined) {
    if (reportPeriod) {
      const p2 = source.report.paragraphs.get(REPORT_PERIOD_PARAGRAPH) ?? "";
      if (!containsQuote(p2, m.dateQuote)) problems.push(`${label}: report-period dateQuote not found in paragraph ${REPORT_PERIOD_PARAGRAPH}`);
      if (m.date !== String(REPORT_YEAR) || (m.completedOn !== undefined && m.completedOn !== String(REPORT_YEAR))) {
        problems.push(`${label}: a report-period dateQuote only supports the year ${REPORT_YEAR}, not ${m.date}/${m.completedOn}`);
      }
    } else if (
      !inParagraphOrFootnote(source, m.paragraph, m.footnote, m.dateQuote) &&
      !(m.alsoParagraphs ?? []).some((p) => inParagraphOrFootnote(source, p, undefined, m.dateQuote ?? ""))
    ) {
      problems.push(`${label}: dateQuote not found verbatim in ${where} or its also-cited paragraphs: «${m.dateQuote}»`);
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
    const find = (slug: string, key: string) => seed.workstreams.find((w) => w.slug === slug)?.milestones.find((m) => m.key === key);
    expect(find("ai-working-group", "ethics-recommendation-adopted")).toMatchObject({ date: "2021-11", status: "completed" });
    expect(find("ai-working-group", "working-group-established")).toMatchObject({ date: "2020-10" });
    expect(find("ai-working-group", "future-lab-2022-01")).toMatchObject({ date: "2022-01", status: "planned" });
    expect(find("inequalities-task-team", "reflection-paper-hlcp-43")).toMatchObject({ date: "2022-03", status: "planned" });
    expect(find("un-digital-id", "system-wide-scale-up")).toMatchObject({ date: "2022", status: "planned" });
    expect(find("jiu-coordination", "jiu-focal-points-meeting")).toMatchObject({ date: "2021-09-15" });
    expect(find("jiu-coordination", "inspectors-appointed-2022")).toMatchObject({ date: "2022", status: "planned" });
  });
});

const milestoneOf = (slug: string, key: string): Milestone => {
  const m = seed.workstreams.find((w) => w.slug === slug)?.milestones.find((x) => x.key === key);
  if (!m) throw new Error(`no milestone ${slug}/${key}`);
  return m;
};
const allMilestones = () => seed.workstreams.flatMap((ws) => ws.milestones.map((m) => ({ ws, m })));

describe("corrections from the careful reading (issue 11)", () => {
  it("para. 24 / fn. 10: the footnote's symbol carries a visible note, and the title says the CEB endorsed phase II", () => {
    const m = milestoneOf("sustainability-management-strategy", "phase-2-leadership");
    expect(m.titleEn).toMatch(/^CEB endorses phase II/);
    expect(m.titleZh).toMatch(/^首协会认可/);
    const footnoteSymbol = m.evidence.find((e) => e.value === "CEB/2021/1/Add.1");
    expect(footnoteSymbol, "footnote 10 prints CEB/2021/1/Add.1; keep it, with the note").toBeDefined();
    expect(footnoteSymbol?.note?.en).toMatch(/footnote 6/);
    expect(footnoteSymbol?.note?.en).toContain("CEB/2021/2/Add.1");
    expect(footnoteSymbol?.note?.zh).toContain("CEB/2021/2/Add.1");
    // The conflict is real: footnotes 6 and 10 print the same symbol, para. 24 another.
    expect(source.report.footnotes.get(10)).toBe(source.report.footnotes.get(6));
    expect(containsQuote(source.report.paragraphs.get(24) ?? "", "CEB/2021/2/add.1")).toBe(true);
  });

  it("para. 36: the 16 technology needs assessments are dated by the session that heard of them (para. 35), not the biotechnology clause", () => {
    const m = milestoneOf("ldc-programme-of-action", "technology-bank-needs-assessments");
    expect(m.dateQuote ?? "").not.toMatch(/生物技术/);
    expect(m.alsoParagraphs).toContain(35);
    expect(containsQuote(source.report.paragraphs.get(35) ?? "", m.dateQuote ?? "")).toBe(true);
    expect(m.date).toBe("2021-10");
  });

  it("para. 54: the task force strove to (力求) meet its workplan priorities: in progress, not completed", () => {
    const m = milestoneOf("sexual-harassment-task-force", "workplan-priorities-2021");
    expect(m.quote).toContain("力求");
    expect(m.status).toBe("in_progress");
  });

  it("para. 66: 财务 is treasury: the Digital Hub of Treasury Solutions", () => {
    const m = milestoneOf("common-treasury-services", "treasury-solutions-digital-hub");
    expect(m.titleEn).toContain("Digital Hub of Treasury Solutions");
    for (const { m: any } of allMilestones()) expect(any.titleEn).not.toContain("Financial Solutions Digital Hub");
  });

  it("para. 74: the hazard-pay revision and the Afghanistan response are examples (如) of the work, and titled so", () => {
    expect(milestoneOf("icsc-engagement", "covid-19-matters").titleEn).toMatch(/for example the revision of hazard pay/);
    expect(milestoneOf("icsc-engagement", "other-emergencies").titleEn).toMatch(/for example the immediate response to the situation in Afghanistan/);
  });

  it("para. 40 (and every mention of HLCP's 42nd session) is dated October 2021 and cites para. 35 too", () => {
    const mentions = allMilestones().filter(({ m }) => /第四十二届会议/.test(m.quote) && m.paragraph !== 35);
    expect(mentions.map(({ m }) => m.key)).toContain("hlcp-42-roadmap-update");
    for (const { ws, m } of mentions) {
      expect(m.date, `${ws.slug}/${m.key}`).toBe("2021-10");
      expect(m.alsoParagraphs, `${ws.slug}/${m.key}`).toContain(35);
    }
  });

  it("the least developed countries workstream has OHRLLS among its leads", () => {
    expect(seed.workstreams.find((w) => w.slug === "ldc-programme-of-action")?.leads).toContain("OHRLLS");
  });

  it("quotes of paras. 10 and 33 that run across a footnote block mark the join, and each part is verbatim", () => {
    const joined = [
      milestoneOf("covid-19-finance-budget", "financial-statement-disclosures"),
      milestoneOf("inequalities-task-team", "reflection-paper-hlcp-43"),
    ];
    for (const m of joined) {
      const parts = m.quote.split(QUOTE_JOIN);
      expect(parts.length, m.key).toBe(2);
      const segments = source.report.segments.get(m.paragraph) ?? [];
      expect(segments.length, `para. ${m.paragraph} spans a page break`).toBeGreaterThan(1);
      for (const part of parts) expect(containsQuote(source.report.paragraphs.get(m.paragraph) ?? "", part), part).toBe(true);
      // Silently joined, the same quote is no longer accepted.
      expect(quoteInSegments(segments, parts.join(""))).toBe(false);
      expect(quoteInSegments(segments, m.quote)).toBe(true);
    }
  });
});

describe("the whole report", () => {
  const cited = () => {
    const out = new Set<number>();
    for (const { m } of allMilestones()) {
      out.add(m.paragraph);
      for (const p of m.alsoParagraphs ?? []) out.add(p);
    }
    return out;
  };

  it("every paragraph 1–83 is cited by a milestone or judged to hold none, with a reason", () => {
    const none = new Map(seed.paragraphsWithoutMilestone.map((entry) => [entry.paragraph, entry.reason]));
    expect(none.size, "a paragraph listed twice").toBe(seed.paragraphsWithoutMilestone.length);
    const c = cited();
    const missing = Array.from({ length: 83 }, (_, i) => i + 1).filter((p) => !c.has(p) && !none.has(p));
    expect(missing, "paragraphs neither cited nor judged").toEqual([]);
    const both = [...none.keys()].filter((p) => c.has(p));
    expect(both, "paragraphs listed as holding none but cited").toEqual([]);
  });

  it("gives the COVID-19 management response per network (paras. 8–10), each with its own dated actions", () => {
    const byBody = (code: string) => seed.workstreams.filter((w) => w.bodyCode === code && w.paragraphs.some((p) => p >= 8 && p <= 10));
    for (const [code, paragraph] of [
      ["HLCM-DTN", 8],
      ["HLCM-HR", 9],
      ["HLCM-FBN", 10],
    ] as const) {
      const streams = byBody(code);
      expect(streams.length, code).toBe(1);
      const ms = streams[0]!.milestones.filter((m) => m.paragraph === paragraph);
      expect(ms.length, `${code} milestones from para. ${paragraph}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("recurring work is ongoing, not completed", () => {
  it("marks regular, year-round and twice-yearly work (定期, 全年, 一年两次) as ongoing", () => {
    const recurring = allMilestones().filter(({ m }) => /定期|全年|一年两次/.test(normalizeForQuote(m.quote)));
    expect(recurring.length).toBeGreaterThanOrEqual(6);
    for (const { ws, m } of recurring) expect(m.status, `${ws.slug}/${m.key}`).toBe("ongoing");
  });

  it("reclassifies the standing activities: JIU comments, Risk Management Forum meetings, networks' regular sessions", () => {
    for (const [slug, key] of [
      ["jiu-coordination", "comments-on-draft-reports"],
      ["jiu-coordination", "jiu-programme-of-work-input"],
      ["jiu-coordination", "system-wide-comments-collected"],
      ["jiu-coordination", "secretary-general-notes"],
      ["jiu-coordination", "jiu-dialogue-2021"],
      ["risk-management-forum", "regular-meetings"],
      ["fbn-financial-innovation", "biannual-meetings"],
      ["covid-19-hr-network", "special-virtual-meetings"],
      ["icsc-engagement", "icsc-sessions-working-groups"],
      ["ipsas-task-force", "ipsasb-meetings"],
      ["sexual-harassment-task-force", "annual-reporting-survey"],
    ] as const) {
      expect(milestoneOf(slug, key).status, `${slug}/${key}`).toBe("ongoing");
    }
  });

  it("an ongoing milestone has no completion date", () => {
    const m = { ...milestoneOf("risk-management-forum", "regular-meetings"), completedOn: "2021" };
    const ws = seed.workstreams.find((w) => w.slug === "risk-management-forum") as Workstream;
    expect(checkMilestone(source, ws, m).join("\n")).toMatch(/status ongoing but completedOn is set/);
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
    expect(checkMilestone(source, ws(), { ...future, status: "completed", completedOn: "2022-01" }).join("\n")).toMatch(/after 2021, but marked completed/);
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
