import { OFFICIAL_BODY_NAMES } from "@/lib/content/body-names";
import { localizedText } from "@/lib/content/localized-text";
import { parsePartialDate } from "@/lib/domain/partial-date";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { ReportLang } from "./options";
import type { ReportRowColumn } from "./report-data";

/**
 * The words of the report document in each of its languages. They live here rather than in
 * messages/ because the document's language is chosen per request (`lang=fr` on an English
 * interface) and the same words are written by route handlers and the benchmark, outside
 * next-intl's request scope; the TypeScript type keeps the six languages complete. Terms
 * (statuses, "workstream", "milestone") are those of messages/*.json, so the interface and
 * the report agree.
 */
export type ReportText = {
  /** For Intl: dates, numbers and the document's language tag. */
  locale: string;
  /** Between list items: ", " or "、". */
  listSeparator: string;
  /** Punctuation the document assembles sentences with. */
  punct: {
    /** Ends a sentence that another follows: ". " or "。". */
    stop: string;
    /** Between two sentences given as separate strings: " " or "". */
    space: string;
    /** Between a milestone's title and its date: " — " or "——". */
    dash: string;
    /** Between facts about a milestone: "; " or "，". */
    facts: string;
    /** Between cited documents: "; " or "；". */
    sources: string;
    /** After a label: ": " or "：". */
    colon: string;
    /** After a recorded reason (which brings its own full stop in languages that space sentences). */
    reasonEnd: string;
  };
  /** A count: "1,234", "1 234". */
  num: (n: number) => string;
  /** A change in a table: "+3", "0", "−2". */
  signed: (n: number) => string;
  /** A year, never grouped: "2021". */
  year: (year: number) => string;
  /** Chapter numbers: "I.", "أولا -". */
  chapterLabel: (n: number) => string;
  /** Section letters within a chapter: "A.", "ألف -". */
  sectionLabel: (n: number) => string;
  /** Items within a paragraph: "(a)", "a)", "(أ)". */
  itemLabel: (n: number) => string;
  /** Official names of the principal bodies by code, where the language has one. */
  bodyNames: Partial<Record<string, string>>;
  title: (year: number) => string;
  subtitle: string;
  period: (start: string, end: string) => string;
  asOf: (date: string) => string;
  scopeAll: string;
  scopeSome: (workstreams: number, statuses: string | null) => string;
  contents: string;
  chapterOverview: string;
  chapterWorkstreams: string;
  annex: string;
  annexTitle: (year: number) => string;
  status: Record<MilestoneStatus, string>;
  overdue: string;
  total: string;
  change: string;
  changeFrom: (year: number) => string;
  workstream: string;
  milestone: string;
  date: string;
  statusHeading: string;
  source: string;
  evidence: string;
  number: string;
  overviewIntro: (milestones: number, workstreams: number, year: number, asOf: string) => string;
  overviewStatus: (parts: string, overdue: number) => string;
  overviewChange: (previousYear: number, previousTotal: number, parts: string) => string;
  overviewNoPrevious: (previousYear: number) => string;
  overviewFigures: string;
  countOf: (count: number, status: string) => string;
  changeOf: (delta: number, status: string) => string;
  tableCounts: (year: number) => string;
  tableTotal: (year: number) => string;
  figureStatus: (year: number) => string;
  figureProgress: (year: number) => string;
  figurePart: (part: number, parts: number) => string;
  cumulativeDue: string;
  cumulativeCompleted: string;
  month: string;
  tableAlternative: string;
  dueInMonth: string;
  completedInMonth: string;
  bodyLine: (body: string) => string;
  leadsLine: (leads: string | null) => string;
  paragraphsLine: (symbol: string, paragraphs: string) => string;
  groupCompleted: (year: number, count: number) => string;
  groupInProgress: (count: number) => string;
  groupSlipped: (count: number) => string;
  groupPlanned: (count: number) => string;
  groupCancelled: (count: number) => string;
  /** Recurring work with no end: listed apart, left out of completion counts. */
  groupOngoing: (count: number) => string;
  /** Added to a source reference: the other paragraphs a milestone draws on ("see also para. 35"). */
  seeAlso: (paragraphs: string) => string;
  /** A note the seed attaches to a piece of evidence (e.g. a footnote that looks wrong). */
  evidenceNote: (evidence: string, note: string) => string;
  groupNextYear: (year: number, count: number) => string;
  noMilestones: string;
  completedOn: (date: string) => string;
  overdueSince: (date: string) => string;
  /** A re-planned milestone's first planned date and how many months it moved: "first planned for March 2022, 9 months later". */
  firstPlanned: (date: string, months: number) => string;
  reason: (note: string) => string;
  noReason: string;
  /** The overview's Attention list (issue 13): its lead-in, most severe first. */
  attentionIntro: (count: number) => string;
  attentionNone: string;
  /** After the first `shown` of `total` items needing attention, on the report page (the downloads list all). */
  attentionMore: (shown: number, total: number) => string;
  /** A re-planned milestone: its new expected date, and how far it moved from the first plan. */
  expected: (date: string) => string;
  slip: (amount: string, baseline: string) => string;
  /** Who recorded the latest reason, and when. */
  reasonBy: (name: string, date: string) => string;
  paragraphRef: (symbol: string, paragraph: number, footnote: number | null) => string;
  addedInTracker: string;
  /** Appended to English content standing in for a missing translation, as the pages mark it. */
  untranslated: (text: string) => string;
  quote: (text: string) => string;
  page: (page: number, pages: number) => string;
  figure: (n: number) => string;
  table: (n: number) => string;
  /** Column headings of the annex rows in the workbook and the CSV. */
  fields: Record<ReportRowColumn, string>;
  /** Worksheet names (31 characters at most, none of []:*?/\). */
  sheets: { milestones: string; summary: string; about: string };
  /** Labels of the workbook's "About" sheet. */
  about: { title: string; subtitle: string; report: string; year: string; language: string; asOf: string; source: string };
  /** The timeline image: its title, the year choice "all years", the legend's "today". */
  timeline: { title: (parts: string) => string; allYears: string; today: (date: string) => string };
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/** A–Z, then AA, AB… as UN reports letter their sections. */
export function latinLetters(n: number): string {
  let label = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) label = String.fromCharCode(65 + ((i - 1) % 26)) + label;
  return label;
}

/**
 * Counts, signed changes and years in a locale's digits and grouping. In a right-to-left
 * language a left-to-right mark keeps a sign before its number ("+3", not "3+"), as Intl
 * writes signed numbers for Arabic.
 */
function numbers(locale: string, rtl = false) {
  const grouped = new Intl.NumberFormat(locale);
  const plain = new Intl.NumberFormat(locale, { useGrouping: false });
  const num = (n: number) => grouped.format(n);
  const mark = rtl ? "\u200E" : "";
  return {
    num,
    signed: (n: number) => (n > 0 ? `${mark}+${num(n)}` : n === 0 ? num(0) : `${mark}−${num(-n)}`),
    /** A change in running text, where "±0" reads better than a bare zero. */
    change: (n: number) => (n > 0 ? `${mark}+${num(n)}` : n === 0 ? `${mark}±${num(0)}` : `${mark}−${num(-n)}`),
    year: (year: number) => plain.format(year),
  };
}

/** Picks a word form by the locale's plural rules (Russian has one, few and many). */
function plurals(locale: string) {
  const rules = new Intl.PluralRules(locale);
  return (n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => forms[rules.select(n)] ?? forms.other;
}

const enN = numbers("en-GB");
const enS = (n: number, one: string, many: string) => `${enN.num(n)} ${n === 1 ? one : many}`;

const en: ReportText = {
  // British English dates, as in UN documents: "1 January 2021".
  locale: "en-GB",
  listSeparator: ", ",
  punct: { stop: ". ", space: " ", dash: " — ", facts: "; ", sources: "; ", colon: ": ", reasonEnd: "" },
  num: enN.num,
  signed: enN.signed,
  year: enN.year,
  chapterLabel: (n) => `${roman(n)}.`,
  sectionLabel: (n) => `${latinLetters(n)}.`,
  itemLabel: (n) => `(${latinLetters(n).toLowerCase()})`,
  bodyNames: {},
  title: (year) => `Progress of the inter-agency workstreams of the CEB in ${enN.year(year)}`,
  subtitle: "Yearly summary from the CEB Workstream Tracker, drawn from the annual overview report E/2022/13",
  period: (start, end) => `Period covered: ${start} to ${end}`,
  asOf: (date) => `Statuses as recorded on ${date}`,
  scopeAll: "All workstreams and statuses.",
  scopeSome: (workstreams, statuses) =>
    `Limited to ${enS(workstreams, "selected workstream", "selected workstreams")}${statuses ? ` and to milestones that are ${statuses}` : ""}.`,
  contents: "Contents",
  chapterOverview: "Overview",
  chapterWorkstreams: "Progress by workstream",
  annex: "Annex",
  annexTitle: (year) => `Milestones of ${enN.year(year)}`,
  status: {
    planned: "Planned",
    in_progress: "In progress",
    completed: "Completed",
    delayed: "Delayed",
    at_risk: "At risk",
    cancelled: "Cancelled",
    ongoing: "Ongoing",
  },
  overdue: "Overdue",
  total: "Total",
  change: "Change",
  changeFrom: (year) => `Change from ${enN.year(year)}`,
  workstream: "Workstream",
  milestone: "Milestone",
  date: "Date",
  statusHeading: "Status",
  source: "Source",
  evidence: "Evidence",
  number: "No.",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `This summary covers the ${enS(milestones, "milestone", "milestones")} of ${enS(workstreams, "workstream", "workstreams")} dated in ${enN.year(year)}, with their statuses as recorded on ${asOf}. Each date is given only as precisely as its source states it.`,
  overviewStatus: (parts, overdue) =>
    `By status: ${parts}. ${enN.num(overdue)} ${overdue === 1 ? "is" : "are"} overdue: the period of ${overdue === 1 ? "its" : "their"} date has passed and ${overdue === 1 ? "it is" : "they are"} neither completed nor cancelled.`,
  overviewChange: (previousYear, previousTotal, parts) => `Against ${enN.year(previousYear)} (${enS(previousTotal, "milestone", "milestones")}): ${parts}.`,
  overviewNoPrevious: (previousYear) => `No milestones are recorded for ${enN.year(previousYear)} to compare with.`,
  overviewFigures: "Table 1 gives the figures for each workstream; figures I and II show the status mix and the year's progress.",
  countOf: (count, status) => `${enN.num(count)} ${status.toLowerCase()}`,
  changeOf: (delta, status) => `${status.toLowerCase()} ${enN.change(delta)}`,
  tableCounts: (year) => `Milestones by status and workstream, ${enN.year(year)}`,
  tableTotal: (year) => `Total ${enN.year(year)}`,
  figureStatus: (year) => `Milestones by status for each workstream, ${enN.year(year)}`,
  figureProgress: (year) => `Milestones due and completed in ${enN.year(year)}, cumulative by month`,
  figurePart: (part, parts) => ` (part ${enN.num(part)} of ${enN.num(parts)})`,
  cumulativeDue: "Due (cumulative)",
  cumulativeCompleted: "Completed (cumulative)",
  month: "Month",
  tableAlternative: "Show the data as a table",
  dueInMonth: "Due in month",
  completedInMonth: "Completed in month",
  bodyLine: (body) => `Parent body: ${body}.`,
  leadsLine: (leads) => (leads ? `Led by: ${leads}.` : "Lead entities: not named in the report."),
  paragraphsLine: (symbol, paragraphs) => `Source: ${symbol}, paras. ${paragraphs}.`,
  groupCompleted: (year, count) => `Completed in ${enN.year(year)} (${enN.num(count)}):`,
  groupInProgress: (count) => `In progress (${enN.num(count)}):`,
  groupSlipped: (count) => `Delayed, at risk or overdue, and why (${enN.num(count)}):`,
  groupPlanned: (count) => `Planned (${enN.num(count)}):`,
  groupCancelled: (count) => `Cancelled (${enN.num(count)}):`,
  groupOngoing: (count) => `Ongoing: recurring work, not counted in completion (${enN.num(count)}):`,
  seeAlso: (paragraphs) => `; see also para. ${paragraphs}`,
  evidenceNote: (evidence, note) => `Note on ${evidence}: ${note}`,
  groupNextYear: (year, count) => `Planned next, for ${enN.year(year)} (${enN.num(count)}):`,
  noMilestones: "No milestones of this workstream match the options of this report.",
  completedOn: (date) => `completed ${date}`,
  overdueSince: (date) => `overdue since the end of ${date}`,
  firstPlanned: (date, months) => `first planned for ${date}${months > 0 ? `, ${enN.num(months)} ${months === 1 ? "month" : "months"} later` : ""}`,
  reason: (note) => `Reason recorded: ${note}`,
  noReason: "No reason recorded.",
  attentionIntro: (count) => `Needing attention (${enN.num(count)}), most severe first (delayed, then overdue, then at risk), then the longest-standing:`,
  attentionNone: "No milestone of the year is delayed, overdue or at risk.",
  attentionMore: (shown, total) => `The first ${enN.num(shown)} of ${enN.num(total)} are listed here; the downloads list every one.`,
  expected: (date) => `now expected ${date}`,
  slip: (amount, baseline) => `${amount} later than first planned (${baseline})`,
  reasonBy: (name, date) => `(recorded by ${name} on ${date})`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}, para. ${paragraph}${footnote !== null ? `, footnote ${footnote}` : ""}`,
  addedInTracker: "added in the tracker",
  untranslated: (text) => `${text} (not translated)`,
  quote: (text) => `“${text}”`,
  page: (page, pages) => `Page ${enN.num(page)} of ${enN.num(pages)}`,
  figure: (n) => `Figure ${roman(n)}`,
  table: (n) => `Table ${enN.num(n)}`,
  fields: {
    number: "No.",
    milestoneId: "Milestone id",
    workstreamSlug: "Workstream slug",
    workstream: "Workstream",
    bodyCode: "Parent body",
    title: "Milestone",
    date: "Date as given",
    datePrecision: "Precision",
    dateLabel: "Date",
    periodStart: "Period start",
    periodEnd: "Period end",
    status: "Status code",
    statusLabel: "Status",
    overdue: "Overdue",
    completedOn: "Completed on",
    sourceParagraph: "Paragraph",
    sourceFootnote: "Footnote",
    alsoParagraphs: "See also paragraphs",
    source: "Source",
    symbols: "Symbols",
    urls: "Evidence",
    evidenceNotes: "Notes on evidence",
    quoteZh: "Quotation (Chinese)",
    reason: "Reason",
    baselineDate: "First planned date",
    baselineLabel: "First planned",
    slipMonths: "Slip (months)",
    titleTranslated: "Title translated",
    workstreamTranslated: "Workstream name translated",
  },
  sheets: { milestones: "Milestones", summary: "Summary", about: "About" },
  about: { title: "Title", subtitle: "Subtitle", report: "Report", year: "Year", language: "Language", asOf: "Statuses as of", source: "Source" },
  timeline: { title: (parts) => `Timeline of workstream milestones — ${parts}`, allYears: "All years", today: (date) => `Today (${date})` },
};

const zhN = numbers("zh-CN");

const zh: ReportText = {
  locale: "zh-CN",
  listSeparator: "、",
  punct: { stop: "。", space: "", dash: "——", facts: "，", sources: "；", colon: "：", reasonEnd: "。" },
  num: zhN.num,
  signed: zhN.signed,
  year: zhN.year,
  chapterLabel: (n) => `${roman(n)}.`,
  sectionLabel: (n) => `${latinLetters(n)}.`,
  itemLabel: (n) => `(${latinLetters(n).toLowerCase()})`,
  bodyNames: {},
  title: (year) => `${zhN.year(year)} 年联合国系统行政首长协调理事会机构间工作流进展`,
  subtitle: "依据年度概览报告 E/2022/13，由首协会工作流跟踪系统生成的年度摘要",
  period: (start, end) => `所涉期间：${start}至${end}`,
  asOf: (date) => `状态截至 ${date}`,
  scopeAll: "涵盖全部工作流和全部状态。",
  scopeSome: (workstreams, statuses) => `仅涵盖所选 ${zhN.num(workstreams)} 个工作流${statuses ? `，以及状态为${statuses}的里程碑` : ""}。`,
  contents: "目录",
  chapterOverview: "概览",
  chapterWorkstreams: "各工作流进展",
  annex: "附件",
  annexTitle: (year) => `${zhN.year(year)} 年里程碑`,
  status: {
    planned: "计划中",
    in_progress: "进行中",
    completed: "已完成",
    delayed: "已推迟",
    at_risk: "有风险",
    cancelled: "已取消",
    ongoing: "持续进行",
  },
  overdue: "逾期",
  total: "合计",
  change: "变化",
  changeFrom: (year) => `较 ${zhN.year(year)} 年变化`,
  workstream: "工作流",
  milestone: "里程碑",
  date: "日期",
  statusHeading: "状态",
  source: "出处",
  evidence: "证据",
  number: "编号",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `本摘要涵盖 ${zhN.num(workstreams)} 个工作流中日期在 ${zhN.year(year)} 年的 ${zhN.num(milestones)} 个里程碑，状态以 ${asOf} 的记录为准。各日期的精确程度与出处一致。`,
  overviewStatus: (parts, overdue) => `按状态分：${parts}。其中 ${zhN.num(overdue)} 个逾期：其日期所涵盖的期间已过，但既未完成也未取消。`,
  overviewChange: (previousYear, previousTotal, parts) => `与 ${zhN.year(previousYear)} 年（${zhN.num(previousTotal)} 个里程碑）相比：${parts}。`,
  overviewNoPrevious: (previousYear) => `${zhN.year(previousYear)} 年没有可供比较的里程碑。`,
  overviewFigures: "表 1 列出各工作流的数字；图一和图二显示状态构成和本年度进展。",
  countOf: (count, status) => `${status} ${zhN.num(count)} 个`,
  changeOf: (delta, status) => `${status} ${zhN.change(delta)}`,
  tableCounts: (year) => `${zhN.year(year)} 年各工作流里程碑状态`,
  tableTotal: (year) => `${zhN.year(year)} 年合计`,
  figureStatus: (year) => `${zhN.year(year)} 年各工作流里程碑状态`,
  figureProgress: (year) => `${zhN.year(year)} 年到期与完成的里程碑（按月累计）`,
  figurePart: (part, parts) => `（第 ${zhN.num(part)} 部分，共 ${zhN.num(parts)} 部分）`,
  cumulativeDue: "到期（累计）",
  cumulativeCompleted: "完成（累计）",
  month: "月份",
  tableAlternative: "以表格显示数据",
  dueInMonth: "当月到期",
  completedInMonth: "当月完成",
  bodyLine: (body) => `上级机构：${body}。`,
  leadsLine: (leads) => (leads ? `牵头实体：${leads}。` : "牵头实体：报告未列明。"),
  paragraphsLine: (symbol, paragraphs) => `出处：${symbol}，第 ${paragraphs} 段。`,
  groupCompleted: (year, count) => `${zhN.year(year)} 年已完成（${zhN.num(count)} 个）：`,
  groupInProgress: (count) => `进行中（${zhN.num(count)} 个）：`,
  groupSlipped: (count) => `已推迟、有风险或逾期及其原因（${zhN.num(count)} 个）：`,
  groupPlanned: (count) => `计划中（${zhN.num(count)} 个）：`,
  groupCancelled: (count) => `已取消（${zhN.num(count)} 个）：`,
  groupOngoing: (count) => `持续进行：经常性工作，不计入完成率（${zhN.num(count)} 个）：`,
  seeAlso: (paragraphs) => `；另见第 ${paragraphs} 段`,
  evidenceNote: (evidence, note) => `关于 ${evidence} 的说明：${note}`,
  groupNextYear: (year, count) => `下一步计划（${zhN.year(year)} 年，${zhN.num(count)} 个）：`,
  noMilestones: "本工作流没有符合本报告选项的里程碑。",
  completedOn: (date) => `完成于 ${date}`,
  overdueSince: (date) => `自 ${date} 结束起逾期`,
  firstPlanned: (date, months) => `原计划于${date}${months > 0 ? `，推迟 ${months} 个月` : ""}`,
  reason: (note) => `记录的原因：${note}`,
  noReason: "未记录原因。",
  attentionIntro: (count) => `需要关注的里程碑（${zhN.num(count)} 个），按严重程度（已推迟、逾期、有风险）及持续时间排列：`,
  attentionNone: "本年度没有已推迟、逾期或有风险的里程碑。",
  attentionMore: (shown, total) => `此处列出 ${zhN.num(total)} 个中的前 ${zhN.num(shown)} 个；下载的文件列出全部。`,
  expected: (date) => `现预计 ${date}`,
  slip: (amount, baseline) => `比原计划（${baseline}）推迟 ${amount}`,
  reasonBy: (name, date) => `（${name}于 ${date} 记录）`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}，第 ${paragraph} 段${footnote !== null ? `，脚注 ${footnote}` : ""}`,
  addedInTracker: "在跟踪系统中添加",
  untranslated: (text) => `${text}（未翻译）`,
  quote: (text) => `“${text}”`,
  page: (page, pages) => `第 ${zhN.num(page)} 页，共 ${zhN.num(pages)} 页`,
  figure: (n) => `图${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][n - 1] ?? n}`,
  table: (n) => `表 ${zhN.num(n)}`,
  fields: {
    number: "编号",
    milestoneId: "里程碑 ID",
    workstreamSlug: "工作流标识",
    workstream: "工作流",
    bodyCode: "上级机构",
    title: "里程碑",
    date: "原始日期",
    datePrecision: "日期精度",
    dateLabel: "日期",
    periodStart: "期间开始",
    periodEnd: "期间结束",
    status: "状态代码",
    statusLabel: "状态",
    overdue: "逾期",
    completedOn: "完成日期",
    sourceParagraph: "段落",
    sourceFootnote: "脚注",
    alsoParagraphs: "另见段落",
    source: "出处",
    symbols: "文件编号",
    urls: "证据",
    evidenceNotes: "证据说明",
    quoteZh: "中文原文",
    reason: "原因",
    baselineDate: "最初计划日期（原文）",
    baselineLabel: "最初计划日期",
    slipMonths: "推迟（月）",
    titleTranslated: "标题已翻译",
    workstreamTranslated: "工作流名称已翻译",
  },
  sheets: { milestones: "里程碑", summary: "汇总", about: "说明" },
  about: { title: "标题", subtitle: "副标题", report: "报告", year: "年份", language: "语言", asOf: "状态截至", source: "出处" },
  timeline: { title: (parts) => `工作流里程碑时间线——${parts}`, allYears: "所有年份", today: (date) => `今天（${date}）` },
};

// French typography: a no-break space before a colon and inside guillemets, as in messages/fr.json.
const frN = numbers("fr-FR");
const frP = plurals("fr-FR");
const frCount = (n: number, one: string, many: string) => `${frN.num(n)} ${frP(n, { one, other: many })}`;

const fr: ReportText = {
  locale: "fr-FR",
  listSeparator: ", ",
  punct: { stop: ". ", space: " ", dash: " — ", facts: "; ", sources: "; ", colon: "\u00A0: ", reasonEnd: "" },
  num: frN.num,
  signed: frN.signed,
  year: frN.year,
  chapterLabel: (n) => `${roman(n)}.`,
  sectionLabel: (n) => `${latinLetters(n)}.`,
  itemLabel: (n) => `${latinLetters(n).toLowerCase()})`,
  bodyNames: OFFICIAL_BODY_NAMES.fr,
  title: (year) =>
    `Avancement des axes de travail interinstitutions du Conseil des chefs de secrétariat des organismes des Nations Unies pour la coordination (CCS) en ${frN.year(year)}`,
  subtitle: "Synthèse annuelle établie par l’outil de suivi des axes de travail du CCS à partir du rapport annuel d’ensemble E/2022/13",
  period: (start, end) => `Période considérée\u00A0: du ${start} au ${end}`,
  asOf: (date) => `Statuts tels qu’enregistrés le ${date}`,
  scopeAll: "Tous les axes de travail et tous les statuts.",
  scopeSome: (workstreams, statuses) =>
    `Limité ${workstreams === 1 ? "à l’axe de travail sélectionné" : `aux ${frN.num(workstreams)} axes de travail sélectionnés`}${statuses ? ` et aux jalons de statut ${statuses}` : ""}.`,
  contents: "Table des matières",
  chapterOverview: "Vue d’ensemble",
  chapterWorkstreams: "Avancement par axe de travail",
  annex: "Annexe",
  annexTitle: (year) => `Jalons de ${frN.year(year)}`,
  status: {
    planned: "Prévu",
    in_progress: "En cours",
    completed: "Achevé",
    delayed: "Retardé",
    at_risk: "À risque",
    cancelled: "Annulé",
    ongoing: "En continu",
  },
  overdue: "Échéance dépassée",
  total: "Total",
  change: "Variation",
  changeFrom: (year) => `Variation par rapport à ${frN.year(year)}`,
  workstream: "Axe de travail",
  milestone: "Jalon",
  date: "Date",
  statusHeading: "Statut",
  source: "Source",
  evidence: "Justificatifs",
  number: "N°",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `La présente synthèse porte sur ${frCount(milestones, "jalon daté", "jalons datés")} de ${frN.year(year)}, relevant de ${frCount(workstreams, "axe de travail", "axes de travail")}, avec ${frP(milestones, { one: "son statut", other: "leur statut" })} tel qu’enregistré le ${asOf}. Chaque date est donnée avec la précision de sa source, sans plus.`,
  overviewStatus: (parts, overdue) =>
    `Par statut\u00A0: ${parts}. Échéance dépassée\u00A0: ${frCount(overdue, "jalon", "jalons")} dont la période est écoulée sans qu’${frP(overdue, { one: "il ait été achevé ou annulé", other: "ils aient été achevés ou annulés" })}.`,
  overviewChange: (previousYear, previousTotal, parts) =>
    `Par rapport à ${frN.year(previousYear)} (${frCount(previousTotal, "jalon", "jalons")})\u00A0: ${parts}.`,
  overviewNoPrevious: (previousYear) => `Aucun jalon n’est enregistré pour ${frN.year(previousYear)}; aucune comparaison n’est donc possible.`,
  overviewFigures:
    "Le tableau 1 présente les chiffres de chaque axe de travail; les figures I et II montrent la répartition par statut et l’avancement au cours de l’année.",
  countOf: (count, status) => `${status.toLowerCase()}\u00A0: ${frN.num(count)}`,
  changeOf: (delta, status) => `${status.toLowerCase()} ${frN.change(delta)}`,
  tableCounts: (year) => `Jalons par statut et par axe de travail, ${frN.year(year)}`,
  tableTotal: (year) => `Total ${frN.year(year)}`,
  figureStatus: (year) => `Jalons par statut pour chaque axe de travail, ${frN.year(year)}`,
  figureProgress: (year) => `Jalons arrivés à échéance et jalons achevés en ${frN.year(year)}, en cumul mensuel`,
  figurePart: (part, parts) => ` (partie ${frN.num(part)} sur ${frN.num(parts)})`,
  cumulativeDue: "À échéance (cumul)",
  cumulativeCompleted: "Achevés (cumul)",
  month: "Mois",
  tableAlternative: "Afficher les données sous forme de tableau",
  dueInMonth: "À échéance dans le mois",
  completedInMonth: "Achevés dans le mois",
  bodyLine: (body) => `Organe de rattachement\u00A0: ${body}.`,
  leadsLine: (leads) => (leads ? `Chefs de file\u00A0: ${leads}.` : "Chefs de file\u00A0: non précisés dans le rapport."),
  paragraphsLine: (symbol, paragraphs) => `Source\u00A0: ${symbol}, par. ${paragraphs}.`,
  groupCompleted: (year, count) => `Achevés en ${frN.year(year)} (${frN.num(count)})\u00A0:`,
  groupInProgress: (count) => `En cours (${frN.num(count)})\u00A0:`,
  groupSlipped: (count) => `Retardés, à risque ou dont l’échéance est dépassée, et pourquoi (${frN.num(count)})\u00A0:`,
  groupPlanned: (count) => `Prévus (${frN.num(count)})\u00A0:`,
  groupCancelled: (count) => `Annulés (${frN.num(count)})\u00A0:`,
  groupOngoing: (count) => `En continu\u00A0: travail récurrent, non compté dans l’achèvement (${frN.num(count)})\u00A0:`,
  seeAlso: (paragraphs) => `\u00A0; voir aussi par. ${paragraphs}`,
  evidenceNote: (evidence, note) => `Note sur ${evidence}\u00A0: ${note}`,
  groupNextYear: (year, count) => `Prochaines étapes, prévues pour ${frN.year(year)} (${frN.num(count)})\u00A0:`,
  noMilestones: "Aucun jalon de cet axe de travail ne correspond aux options du présent rapport.",
  completedOn: (date) => `achevé\u00A0: ${date}`,
  overdueSince: (date) => `échéance dépassée (échéance\u00A0: ${date})`,
  firstPlanned: (date, months) => `prévu initialement pour ${date}${months > 0 ? `, ${months}\u00A0mois plus tard` : ""}`,
  reason: (note) => `Motif consigné\u00A0: ${note}`,
  noReason: "Aucun motif consigné.",
  attentionIntro: (count) =>
    `À surveiller (${frN.num(count)}), du plus grave au moins grave (retardé, puis échéance dépassée, puis à risque), puis du plus ancien au plus récent\u00A0:`,
  attentionNone: "Aucun jalon de l’année n’est retardé, à risque ou en retard sur son échéance.",
  attentionMore: (shown, total) => `Les ${frN.num(shown)} premiers des ${frN.num(total)} sont listés ici\u00A0; les téléchargements les listent tous.`,
  expected: (date) => `désormais prévu pour ${date}`,
  slip: (amount, baseline) => `${amount} plus tard que prévu initialement (${baseline})`,
  reasonBy: (name, date) => `(consigné par ${name} le ${date})`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}, par. ${paragraph}${footnote !== null ? `, note ${footnote}` : ""}`,
  addedInTracker: "ajouté dans l’outil de suivi",
  untranslated: (text) => `${text} (non traduit)`,
  quote: (text) => `«\u00A0${text}\u00A0»`,
  page: (page, pages) => `Page ${frN.num(page)} sur ${frN.num(pages)}`,
  figure: (n) => `Figure ${roman(n)}`,
  table: (n) => `Tableau ${frN.num(n)}`,
  fields: {
    number: "N°",
    milestoneId: "Identifiant du jalon",
    workstreamSlug: "Identifiant de l’axe de travail",
    workstream: "Axe de travail",
    bodyCode: "Organe de rattachement",
    title: "Jalon",
    date: "Date telle qu’indiquée",
    datePrecision: "Précision",
    dateLabel: "Date",
    periodStart: "Début de la période",
    periodEnd: "Fin de la période",
    status: "Code du statut",
    statusLabel: "Statut",
    overdue: "Échéance dépassée",
    completedOn: "Date d’achèvement",
    sourceParagraph: "Paragraphe",
    sourceFootnote: "Note",
    alsoParagraphs: "Voir aussi les paragraphes",
    source: "Source",
    symbols: "Cotes",
    urls: "Justificatifs",
    evidenceNotes: "Notes sur les justificatifs",
    quoteZh: "Citation (chinois)",
    reason: "Motif",
    baselineDate: "Date initialement prévue (texte)",
    baselineLabel: "Date initialement prévue",
    slipMonths: "Décalage (mois)",
    titleTranslated: "Titre traduit",
    workstreamTranslated: "Nom de l’axe de travail traduit",
  },
  sheets: { milestones: "Jalons", summary: "Synthèse", about: "À propos" },
  about: { title: "Titre", subtitle: "Sous-titre", report: "Rapport", year: "Année", language: "Langue", asOf: "Statuts au", source: "Source" },
  timeline: {
    title: (parts) => `Chronologie des jalons des axes de travail — ${parts}`,
    allYears: "Toutes les années",
    today: (date) => `Aujourd’hui (${date})`,
  },
};

const esN = numbers("es-ES");
const esCount = (n: number, one: string, many: string) => `${esN.num(n)} ${n === 1 ? one : many}`;

const es: ReportText = {
  locale: "es-ES",
  listSeparator: ", ",
  punct: { stop: ". ", space: " ", dash: " — ", facts: "; ", sources: "; ", colon: ": ", reasonEnd: "" },
  num: esN.num,
  signed: esN.signed,
  year: esN.year,
  chapterLabel: (n) => `${roman(n)}.`,
  sectionLabel: (n) => `${latinLetters(n)}.`,
  itemLabel: (n) => `${latinLetters(n).toLowerCase()})`,
  bodyNames: OFFICIAL_BODY_NAMES.es,
  title: (year) =>
    `Avance de las líneas de trabajo interinstitucionales de la Junta de los Jefes Ejecutivos del Sistema de las Naciones Unidas para la Coordinación (JJE) en ${esN.year(year)}`,
  subtitle: "Resumen anual del sistema de seguimiento de las líneas de trabajo de la JJE, elaborado a partir del informe sinóptico anual E/2022/13",
  period: (start, end) => `Período que abarca: del ${start} al ${end}`,
  asOf: (date) => `Estados registrados al ${date}`,
  scopeAll: "Todas las líneas de trabajo y todos los estados.",
  scopeSome: (workstreams, statuses) =>
    `Limitado a ${workstreams === 1 ? "la línea de trabajo seleccionada" : `las ${esN.num(workstreams)} líneas de trabajo seleccionadas`}${statuses ? ` y a los hitos con estado ${statuses}` : ""}.`,
  contents: "Índice",
  chapterOverview: "Panorama general",
  chapterWorkstreams: "Avance por línea de trabajo",
  annex: "Anexo",
  annexTitle: (year) => `Hitos de ${esN.year(year)}`,
  status: {
    planned: "Previsto",
    in_progress: "En curso",
    completed: "Completado",
    delayed: "Retrasado",
    at_risk: "En riesgo",
    cancelled: "Cancelado",
    ongoing: "Continuo",
  },
  overdue: "Vencido",
  total: "Total",
  change: "Variación",
  changeFrom: (year) => `Variación respecto de ${esN.year(year)}`,
  workstream: "Línea de trabajo",
  milestone: "Hito",
  date: "Fecha",
  statusHeading: "Estado",
  source: "Fuente",
  evidence: "Justificantes",
  number: "N.º",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `Este resumen abarca ${milestones === 1 ? "el hito" : `los ${esN.num(milestones)} hitos`} con fecha en ${esN.year(year)} de ${esCount(workstreams, "línea de trabajo", "líneas de trabajo")}, con ${milestones === 1 ? "su estado" : "sus estados"} según lo registrado el ${asOf}. Cada fecha se indica solo con la precisión con que figura en su fuente.`,
  overviewStatus: (parts, overdue) =>
    `Por estado: ${parts}. ${overdue === 1 ? "Uno está vencido: ha transcurrido el período de su fecha y no se ha completado ni cancelado." : `${esN.num(overdue)} están vencidos: ha transcurrido el período de su fecha y no se han completado ni cancelado.`}`,
  overviewChange: (previousYear, previousTotal, parts) =>
    `En comparación con ${esN.year(previousYear)} (${esCount(previousTotal, "hito", "hitos")}): ${parts}.`,
  overviewNoPrevious: (previousYear) => `No hay hitos registrados en ${esN.year(previousYear)} con los que comparar.`,
  overviewFigures: "El cuadro 1 presenta las cifras de cada línea de trabajo; las figuras I y II muestran la distribución por estado y el avance del año.",
  countOf: (count, status) => `${status.toLowerCase()}: ${esN.num(count)}`,
  changeOf: (delta, status) => `${status.toLowerCase()} ${esN.change(delta)}`,
  tableCounts: (year) => `Hitos por estado y línea de trabajo, ${esN.year(year)}`,
  tableTotal: (year) => `Total ${esN.year(year)}`,
  figureStatus: (year) => `Hitos por estado en cada línea de trabajo, ${esN.year(year)}`,
  figureProgress: (year) => `Hitos que vencen y completados en ${esN.year(year)}, acumulados por mes`,
  figurePart: (part, parts) => ` (parte ${esN.num(part)} de ${esN.num(parts)})`,
  cumulativeDue: "Vencen (acumulado)",
  cumulativeCompleted: "Completados (acumulado)",
  month: "Mes",
  tableAlternative: "Mostrar los datos en forma de cuadro",
  dueInMonth: "Vencen en el mes",
  completedInMonth: "Completados en el mes",
  bodyLine: (body) => `Órgano superior: ${body}.`,
  leadsLine: (leads) => (leads ? `Dirigida por: ${leads}.` : "Entidades directoras: no se indican en el informe."),
  paragraphsLine: (symbol, paragraphs) => `Fuente: ${symbol}, párrs. ${paragraphs}.`,
  groupCompleted: (year, count) => `Completados en ${esN.year(year)} (${esN.num(count)}):`,
  groupInProgress: (count) => `En curso (${esN.num(count)}):`,
  groupSlipped: (count) => `Retrasados, en riesgo o vencidos, y por qué (${esN.num(count)}):`,
  groupPlanned: (count) => `Previstos (${esN.num(count)}):`,
  groupCancelled: (count) => `Cancelados (${esN.num(count)}):`,
  groupOngoing: (count) => `Continuos: trabajo recurrente, no se cuenta como finalizado (${esN.num(count)}):`,
  seeAlso: (paragraphs) => `; véase también párr. ${paragraphs}`,
  evidenceNote: (evidence, note) => `Nota sobre ${evidence}: ${note}`,
  groupNextYear: (year, count) => `Próximos pasos, previstos para ${esN.year(year)} (${esN.num(count)}):`,
  noMilestones: "Ningún hito de esta línea de trabajo corresponde a las opciones de este informe.",
  completedOn: (date) => `completado: ${date}`,
  overdueSince: (date) => `vencido (plazo: ${date})`,
  firstPlanned: (date, months) => `previsto inicialmente para ${date}${months > 0 ? `, ${months} ${months === 1 ? "mes" : "meses"} más tarde` : ""}`,
  reason: (note) => `Motivo registrado: ${note}`,
  noReason: "No se registró ningún motivo.",
  attentionIntro: (count) => `Requieren atención (${esN.num(count)}), de mayor a menor gravedad (retrasados, vencidos, en riesgo) y, después, por antigüedad:`,
  attentionNone: "Ningún hito del año está retrasado, vencido ni en riesgo.",
  attentionMore: (shown, total) => `Aquí se enumeran los ${esN.num(shown)} primeros de ${esN.num(total)}; las descargas los enumeran todos.`,
  expected: (date) => `ahora previsto para ${date}`,
  slip: (amount, baseline) => `${amount} más tarde de lo previsto inicialmente (${baseline})`,
  reasonBy: (name, date) => `(registrado por ${name} el ${date})`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}, párr. ${paragraph}${footnote !== null ? `, nota ${footnote}` : ""}`,
  addedInTracker: "añadido en el sistema de seguimiento",
  untranslated: (text) => `${text} (sin traducir)`,
  quote: (text) => `“${text}”`,
  page: (page, pages) => `Página ${esN.num(page)} de ${esN.num(pages)}`,
  figure: (n) => `Figura ${roman(n)}`,
  table: (n) => `Cuadro ${esN.num(n)}`,
  fields: {
    number: "N.º",
    milestoneId: "Identificador del hito",
    workstreamSlug: "Identificador de la línea de trabajo",
    workstream: "Línea de trabajo",
    bodyCode: "Órgano superior",
    title: "Hito",
    date: "Fecha tal como figura",
    datePrecision: "Precisión",
    dateLabel: "Fecha",
    periodStart: "Inicio del período",
    periodEnd: "Fin del período",
    status: "Código del estado",
    statusLabel: "Estado",
    overdue: "Vencido",
    completedOn: "Fecha de finalización",
    sourceParagraph: "Párrafo",
    sourceFootnote: "Nota",
    alsoParagraphs: "Véanse también los párrafos",
    source: "Fuente",
    symbols: "Signaturas",
    urls: "Justificantes",
    evidenceNotes: "Notas sobre los justificantes",
    quoteZh: "Cita (chino)",
    reason: "Motivo",
    baselineDate: "Fecha prevista inicialmente (texto)",
    baselineLabel: "Fecha prevista inicialmente",
    slipMonths: "Retraso (meses)",
    titleTranslated: "Título traducido",
    workstreamTranslated: "Nombre de la línea de trabajo traducido",
  },
  sheets: { milestones: "Hitos", summary: "Resumen", about: "Acerca de" },
  about: { title: "Título", subtitle: "Subtítulo", report: "Informe", year: "Año", language: "Idioma", asOf: "Estados al", source: "Fuente" },
  timeline: { title: (parts) => `Cronología de los hitos de las líneas de trabajo — ${parts}`, allYears: "Todos los años", today: (date) => `Hoy (${date})` },
};

const ruN = numbers("ru-RU");
const ruP = plurals("ru-RU");
/** "5 вех", "2 вехи", "1 веха": the form agrees with the number. */
const ruCount = (n: number, one: string, few: string, many: string) => `${ruN.num(n)} ${ruP(n, { one, few, many, other: few })}`;

const ru: ReportText = {
  locale: "ru-RU",
  listSeparator: ", ",
  punct: { stop: ". ", space: " ", dash: " — ", facts: "; ", sources: "; ", colon: ": ", reasonEnd: "" },
  num: ruN.num,
  signed: ruN.signed,
  year: ruN.year,
  chapterLabel: (n) => `${roman(n)}.`,
  sectionLabel: (n) => `${latinLetters(n)}.`,
  itemLabel: (n) => `${latinLetters(n).toLowerCase()})`,
  bodyNames: OFFICIAL_BODY_NAMES.ru,
  // The Board's official name stays in the nominative, as a heading, before what the report covers.
  title: (year) =>
    `Координационный совет руководителей системы Организации Объединенных Наций (КСР): ход реализации межучрежденческих направлений работы в ${ruN.year(year)} году`,
  subtitle: "Годовая сводка системы мониторинга направлений работы КСР, составленная по ежегодному обзорному докладу E/2022/13",
  period: (start, end) => `Охватываемый период: с ${start} по ${end}`,
  asOf: (date) => `Статусы по состоянию на ${date}`,
  scopeAll: "Все направления работы и все статусы.",
  scopeSome: (workstreams, statuses) =>
    `Только ${workstreams === 1 ? "выбранное направление работы" : `выбранные направления работы (${ruN.num(workstreams)})`}${statuses ? ` и вехи со статусом: ${statuses}` : ""}.`,
  contents: "Содержание",
  chapterOverview: "Обзор",
  chapterWorkstreams: "Ход работы по направлениям",
  annex: "Приложение",
  annexTitle: (year) => `Вехи ${ruN.year(year)} года`,
  status: {
    planned: "Запланирована",
    in_progress: "Выполняется",
    completed: "Выполнена",
    delayed: "Задерживается",
    at_risk: "Под угрозой",
    cancelled: "Отменена",
    ongoing: "Ведётся постоянно",
  },
  overdue: "Просрочена",
  total: "Итого",
  change: "Изменение",
  changeFrom: (year) => `Изменение по сравнению с ${ruN.year(year)} годом`,
  workstream: "Направление работы",
  milestone: "Веха",
  date: "Дата",
  statusHeading: "Статус",
  source: "Источник",
  evidence: "Подтверждающие материалы",
  number: "№",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `Настоящая сводка охватывает ${ruCount(milestones, "веху", "вехи", "вех")} ${ruCount(workstreams, "направления работы", "направлений работы", "направлений работы")} с датами в ${ruN.year(year)} году и их статусы по состоянию на ${asOf}, причем каждая дата приводится с той же точностью, что и в источнике.`,
  overviewStatus: (parts, overdue) =>
    `По статусам: ${parts}. Просрочено вех: ${ruN.num(overdue)} — период, к которому относится их дата, истек, а они не выполнены и не отменены.`,
  overviewChange: (previousYear, previousTotal, parts) =>
    `По сравнению с ${ruN.year(previousYear)} годом (${ruCount(previousTotal, "веха", "вехи", "вех")}): ${parts}.`,
  overviewNoPrevious: (previousYear) => `За ${ruN.year(previousYear)} год вех для сравнения не зарегистрировано.`,
  overviewFigures: "В таблице 1 приведены данные по каждому направлению работы; на диаграммах I и II показаны распределение по статусам и ход работы за год.",
  countOf: (count, status) => `${status.toLowerCase()}: ${ruN.num(count)}`,
  changeOf: (delta, status) => `${status.toLowerCase()} ${ruN.change(delta)}`,
  tableCounts: (year) => `Вехи по статусам и направлениям работы, ${ruN.year(year)} год`,
  tableTotal: (year) => `Итого за ${ruN.year(year)} год`,
  figureStatus: (year) => `Вехи по статусам в разбивке по направлениям работы, ${ruN.year(year)} год`,
  figureProgress: (year) => `Вехи, срок которых наступил, и выполненные вехи в ${ruN.year(year)} году, нарастающим итогом по месяцам`,
  figurePart: (part, parts) => ` (часть ${ruN.num(part)} из ${ruN.num(parts)})`,
  cumulativeDue: "Срок наступил (нарастающим итогом)",
  cumulativeCompleted: "Выполнено (нарастающим итогом)",
  month: "Месяц",
  tableAlternative: "Показать данные в виде таблицы",
  dueInMonth: "Срок наступает в месяце",
  completedInMonth: "Выполнено в месяце",
  bodyLine: (body) => `Вышестоящий орган: ${body}.`,
  leadsLine: (leads) => (leads ? `Ведущие структуры: ${leads}.` : "Ведущие структуры: в докладе не указаны."),
  paragraphsLine: (symbol, paragraphs) => `Источник: ${symbol}, пункты ${paragraphs}.`,
  groupCompleted: (year, count) => `Выполнены в ${ruN.year(year)} году (${ruN.num(count)}):`,
  groupInProgress: (count) => `Выполняются (${ruN.num(count)}):`,
  groupSlipped: (count) => `Задерживаются, под угрозой или просрочены, с указанием причин (${ruN.num(count)}):`,
  groupPlanned: (count) => `Запланированы (${ruN.num(count)}):`,
  groupCancelled: (count) => `Отменены (${ruN.num(count)}):`,
  groupOngoing: (count) => `Ведутся постоянно: регулярная работа, не учитывается в доле выполненных (${ruN.num(count)}):`,
  seeAlso: (paragraphs) => `; см. также пункт ${paragraphs}`,
  evidenceNote: (evidence, note) => `Примечание к ${evidence}: ${note}`,
  groupNextYear: (year, count) => `Следующие шаги, запланированные на ${ruN.year(year)} год (${ruN.num(count)}):`,
  noMilestones: "Ни одна веха этого направления работы не соответствует параметрам настоящего отчета.",
  completedOn: (date) => `выполнена: ${date}`,
  overdueSince: (date) => `просрочена (срок: ${date})`,
  firstPlanned: (date, months) => `первоначально планировалось на ${date}${months > 0 ? `, перенос на ${months} мес.` : ""}`,
  reason: (note) => `Указанная причина: ${note}`,
  noReason: "Причина не указана.",
  attentionIntro: (count) => `Требуют внимания (${ruN.num(count)}), по степени серьезности (задерживаются, просрочены, под угрозой), затем по давности:`,
  attentionNone: "Ни один этап года не задерживается, не просрочен и не находится под угрозой.",
  attentionMore: (shown, total) => `Здесь приведены первые ${ruN.num(shown)} из ${ruN.num(total)}; в загружаемых файлах перечислены все.`,
  expected: (date) => `теперь ожидается: ${date}`,
  slip: (amount, baseline) => `на ${amount} позже первоначального плана (${baseline})`,
  reasonBy: (name, date) => `(записано: ${name}, ${date})`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}, пункт ${paragraph}${footnote !== null ? `, сноска ${footnote}` : ""}`,
  addedInTracker: "добавлена в системе мониторинга",
  untranslated: (text) => `${text} (не переведено)`,
  quote: (text) => `«${text}»`,
  page: (page, pages) => `Страница ${ruN.num(page)} из ${ruN.num(pages)}`,
  figure: (n) => `Диаграмма ${roman(n)}`,
  table: (n) => `Таблица ${ruN.num(n)}`,
  fields: {
    number: "№",
    milestoneId: "Идентификатор вехи",
    workstreamSlug: "Идентификатор направления работы",
    workstream: "Направление работы",
    bodyCode: "Вышестоящий орган",
    title: "Веха",
    date: "Дата в источнике",
    datePrecision: "Точность даты",
    dateLabel: "Дата",
    periodStart: "Начало периода",
    periodEnd: "Конец периода",
    status: "Код статуса",
    statusLabel: "Статус",
    overdue: "Просрочена",
    completedOn: "Дата выполнения",
    sourceParagraph: "Пункт",
    sourceFootnote: "Сноска",
    alsoParagraphs: "См. также пункты",
    source: "Источник",
    symbols: "Условные обозначения документов",
    urls: "Подтверждающие материалы",
    evidenceNotes: "Примечания к подтверждающим материалам",
    quoteZh: "Цитата (на китайском языке)",
    reason: "Причина",
    baselineDate: "Первоначальная дата (код)",
    baselineLabel: "Первоначальная дата",
    slipMonths: "Перенос (мес.)",
    titleTranslated: "Название переведено",
    workstreamTranslated: "Название направления переведено",
  },
  sheets: { milestones: "Вехи", summary: "Сводка", about: "О документе" },
  about: { title: "Название", subtitle: "Подзаголовок", report: "Отчет", year: "Год", language: "Язык", asOf: "Статусы на", source: "Источник" },
  timeline: { title: (parts) => `Хронология вех по направлениям работы — ${parts}`, allYears: "Все годы", today: (date) => `Сегодня (${date})` },
};

const arN = numbers("ar", true);
const ARABIC_ORDINALS = ["أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا"];
const ARABIC_FIGURE_ORDINALS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];
/** Section names as Arabic UN documents letter them (ألف، باء، جيم…); a number after the 28th. */
const ARABIC_SECTIONS = [
  "ألف",
  "باء",
  "جيم",
  "دال",
  "هاء",
  "واو",
  "زاي",
  "حاء",
  "طاء",
  "ياء",
  "كاف",
  "لام",
  "ميم",
  "نون",
  "سين",
  "عين",
  "فاء",
  "صاد",
  "قاف",
  "راء",
  "شين",
  "تاء",
  "ثاء",
  "خاء",
  "ذال",
  "ضاد",
  "ظاء",
  "غين",
];
/** Items in abjad order, (أ)، (ب)، (ج)… as Arabic UN documents list them. */
const ARABIC_ITEMS = [
  "أ",
  "ب",
  "ج",
  "د",
  "هـ",
  "و",
  "ز",
  "ح",
  "ط",
  "ي",
  "ك",
  "ل",
  "م",
  "ن",
  "س",
  "ع",
  "ف",
  "ص",
  "ق",
  "ر",
  "ش",
  "ت",
  "ث",
  "خ",
  "ذ",
  "ض",
  "ظ",
  "غ",
];

const ar: ReportText = {
  // Intl's own defaults for "ar" (digits included), as the brief for Arabic asks.
  locale: "ar",
  listSeparator: "، ",
  punct: { stop: ". ", space: " ", dash: " — ", facts: "؛ ", sources: "؛ ", colon: ": ", reasonEnd: "" },
  num: arN.num,
  signed: arN.signed,
  year: arN.year,
  chapterLabel: (n) => `${ARABIC_ORDINALS[n - 1] ?? arN.num(n)} -`,
  sectionLabel: (n) => `${ARABIC_SECTIONS[n - 1] ?? arN.num(n)} -`,
  itemLabel: (n) => `(${ARABIC_ITEMS[n - 1] ?? arN.num(n)})`,
  bodyNames: OFFICIAL_BODY_NAMES.ar,
  title: (year) =>
    `التقدم المحرز في مسارات العمل المشتركة بين الوكالات التابعة لمجلس الرؤساء التنفيذيين في منظومة الأمم المتحدة المعني بالتنسيق في عام ${arN.year(year)}`,
  subtitle: "موجز سنوي صادر عن أداة تتبع مسارات عمل مجلس الرؤساء التنفيذيين، مستمد من التقرير الاستعراضي السنوي E/2022/13",
  period: (start, end) => `الفترة المشمولة: من ${start} إلى ${end}`,
  asOf: (date) => `الحالات كما سُجلت في ${date}`,
  scopeAll: "جميع مسارات العمل وجميع الحالات.",
  scopeSome: (workstreams, statuses) =>
    `يقتصر على ${workstreams === 1 ? "مسار العمل المحدد" : `مسارات العمل المحددة (${arN.num(workstreams)})`}${statuses ? ` وعلى المعالم الرئيسية ذات الحالة: ${statuses}` : ""}.`,
  contents: "المحتويات",
  chapterOverview: "لمحة عامة",
  chapterWorkstreams: "التقدم المحرز حسب مسار العمل",
  annex: "المرفق",
  annexTitle: (year) => `المعالم الرئيسية لعام ${arN.year(year)}`,
  status: {
    planned: "مقرر",
    in_progress: "قيد التنفيذ",
    completed: "منجز",
    delayed: "متأخر",
    at_risk: "معرض للخطر",
    cancelled: "ملغى",
    ongoing: "مستمر",
  },
  overdue: "فات موعده",
  total: "المجموع",
  change: "التغير",
  changeFrom: (year) => `التغير مقارنة بعام ${arN.year(year)}`,
  workstream: "مسار العمل",
  milestone: "المعلم الرئيسي",
  date: "التاريخ",
  statusHeading: "الحالة",
  source: "المصدر",
  evidence: "الأدلة الداعمة",
  number: "الرقم",
  // "وعددها N" rather than a counted noun: Arabic number agreement needs no special cases then.
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `يغطي هذا الموجز المعالم الرئيسية المؤرخة في عام ${arN.year(year)}، وعددها ${arN.num(milestones)}، في مسارات العمل وعددها ${arN.num(workstreams)}، بحالاتها كما سُجلت في ${asOf}. ولا تتجاوز دقة أي تاريخ ما ورد في مصدره.`,
  overviewStatus: (parts, overdue) =>
    `حسب الحالة: ${parts}. وعدد المعالم التي فات موعدها ${arN.num(overdue)}، أي التي انقضت الفترة التي يغطيها تاريخها دون أن تُنجز أو تُلغى.`,
  overviewChange: (previousYear, previousTotal, parts) => `مقارنة بعام ${arN.year(previousYear)} (عدد المعالم الرئيسية: ${arN.num(previousTotal)}): ${parts}.`,
  overviewNoPrevious: (previousYear) => `لا توجد معالم رئيسية مسجلة لعام ${arN.year(previousYear)} للمقارنة بها.`,
  overviewFigures: "يعرض الجدول 1 أرقام كل مسار عمل؛ ويبين الشكلان الأول والثاني توزيع الحالات والتقدم المحرز خلال السنة.",
  countOf: (count, status) => `${status}: ${arN.num(count)}`,
  changeOf: (delta, status) => `${status} ${arN.change(delta)}`,
  tableCounts: (year) => `المعالم الرئيسية حسب الحالة ومسار العمل، ${arN.year(year)}`,
  tableTotal: (year) => `مجموع عام ${arN.year(year)}`,
  figureStatus: (year) => `المعالم الرئيسية حسب الحالة في كل مسار عمل، ${arN.year(year)}`,
  figureProgress: (year) => `المعالم الرئيسية المستحقة والمنجزة في عام ${arN.year(year)}، تراكميا حسب الشهر`,
  figurePart: (part, parts) => ` (الجزء ${arN.num(part)} من ${arN.num(parts)})`,
  cumulativeDue: "المستحق (تراكمي)",
  cumulativeCompleted: "المنجز (تراكمي)",
  month: "الشهر",
  tableAlternative: "عرض البيانات في جدول",
  dueInMonth: "المستحق في الشهر",
  completedInMonth: "المنجز في الشهر",
  bodyLine: (body) => `الهيئة الأم: ${body}.`,
  leadsLine: (leads) => (leads ? `بقيادة: ${leads}.` : "الكيانات القائدة: لم تُذكر في التقرير."),
  paragraphsLine: (symbol, paragraphs) => `المصدر: ${symbol}، الفقرات ${paragraphs}.`,
  groupCompleted: (year, count) => `المعالم المنجزة في عام ${arN.year(year)} (${arN.num(count)}):`,
  groupInProgress: (count) => `المعالم قيد التنفيذ (${arN.num(count)}):`,
  groupSlipped: (count) => `المعالم المتأخرة أو المعرضة للخطر أو التي فات موعدها، وأسباب ذلك (${arN.num(count)}):`,
  groupPlanned: (count) => `المعالم المقررة (${arN.num(count)}):`,
  groupCancelled: (count) => `المعالم الملغاة (${arN.num(count)}):`,
  groupOngoing: (count) => `المعالم المستمرة: عمل متكرر لا يُحتسب في الإنجاز (${arN.num(count)}):`,
  seeAlso: (paragraphs) => `؛ انظر أيضا الفقرة ${paragraphs}`,
  evidenceNote: (evidence, note) => `ملاحظة بشأن ${evidence}: ${note}`,
  groupNextYear: (year, count) => `الخطوات التالية المقررة لعام ${arN.year(year)} (${arN.num(count)}):`,
  noMilestones: "لا يطابق أي معلم رئيسي من معالم مسار العمل هذا خيارات هذا التقرير.",
  completedOn: (date) => `أُنجز: ${date}`,
  overdueSince: (date) => `فات موعده (الموعد: ${date})`,
  firstPlanned: (date, months) => `كان مقررًا أصلًا في ${date}${months > 0 ? `، بتأخير ${months} ${months >= 3 && months <= 10 ? "أشهر" : "شهرًا"}` : ""}`,
  reason: (note) => `السبب المسجل: ${note}`,
  noReason: "لم يُسجل أي سبب.",
  attentionIntro: (count) => `معالم تستدعي الانتباه (${arN.num(count)})، مرتبة حسب الخطورة (المؤجلة، ثم التي فات موعدها، ثم المعرضة للخطر)، ثم حسب الأقدمية:`,
  attentionNone: "لا يوجد معلم من معالم السنة مؤجل أو فات موعده أو معرض للخطر.",
  attentionMore: (shown, total) => `تُدرج هنا أول ${arN.num(shown)} من أصل ${arN.num(total)}؛ وتدرجها الملفات المنزَّلة كلها.`,
  expected: (date) => `متوقع الآن في ${date}`,
  slip: (amount, baseline) => `متأخر ${amount} عن الموعد المقرر أصلًا (${baseline})`,
  reasonBy: (name, date) => `(سجّله ${name} في ${date})`,
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}، الفقرة ${paragraph}${footnote !== null ? `، الحاشية ${footnote}` : ""}`,
  addedInTracker: "أُضيف في أداة التتبع",
  untranslated: (text) => `${text} (غير مترجم)`,
  quote: (text) => `«${text}»`,
  page: (page, pages) => `الصفحة ${arN.num(page)} من ${arN.num(pages)}`,
  figure: (n) => `الشكل ${ARABIC_FIGURE_ORDINALS[n - 1] ?? arN.num(n)}`,
  table: (n) => `الجدول ${arN.num(n)}`,
  fields: {
    number: "الرقم",
    milestoneId: "معرّف المعلم الرئيسي",
    workstreamSlug: "معرّف مسار العمل",
    workstream: "مسار العمل",
    bodyCode: "الهيئة الأم",
    title: "المعلم الرئيسي",
    date: "التاريخ كما ورد",
    datePrecision: "دقة التاريخ",
    dateLabel: "التاريخ",
    periodStart: "بداية الفترة",
    periodEnd: "نهاية الفترة",
    status: "رمز الحالة",
    statusLabel: "الحالة",
    overdue: "فات موعده",
    completedOn: "تاريخ الإنجاز",
    sourceParagraph: "الفقرة",
    sourceFootnote: "الحاشية",
    alsoParagraphs: "انظر أيضا الفقرات",
    source: "المصدر",
    symbols: "رموز الوثائق",
    urls: "الأدلة الداعمة",
    evidenceNotes: "ملاحظات على الأدلة الداعمة",
    quoteZh: "الاقتباس (بالصينية)",
    reason: "السبب",
    baselineDate: "التاريخ المقرر أصلًا (رمز)",
    baselineLabel: "التاريخ المقرر أصلًا",
    slipMonths: "التأخير (بالأشهر)",
    titleTranslated: "العنوان مترجم",
    workstreamTranslated: "اسم مسار العمل مترجم",
  },
  sheets: { milestones: "المعالم الرئيسية", summary: "الموجز", about: "عن التقرير" },
  about: { title: "العنوان", subtitle: "العنوان الفرعي", report: "التقرير", year: "السنة", language: "اللغة", asOf: "الحالات في", source: "المصدر" },
  timeline: { title: (parts) => `الجدول الزمني للمعالم الرئيسية لمسارات العمل — ${parts}`, allYears: "جميع السنوات", today: (date) => `اليوم (${date})` },
};

export const REPORT_TEXT: Record<ReportLang, ReportText> = { ar, zh, en, fr, ru, es };

const formatters = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();

/**
 * A partial date in the report's language at its own precision: "October 2021", "2021年10月",
 * "octobre 2021", "октябрь 2021 г.", never a day the source lacks. The same wording as
 * formatPartialDate, with the Intl formatters and the labels cached: a report formats tens of
 * thousands of dates, and building a formatter for each took most of a large report's time and
 * memory.
 */
export function reportDate(value: string, lang: ReportLang): string {
  const key = `${lang}|${value}`;
  const known = labels.get(key);
  if (known !== undefined) return known;
  const date = parsePartialDate(value);
  if (!date) return value;
  const formatterKey = `${lang}|${date.precision}`;
  let formatter = formatters.get(formatterKey);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions =
      date.precision === "year"
        ? { year: "numeric", timeZone: "UTC" }
        : date.precision === "month"
          ? { year: "numeric", month: "long", timeZone: "UTC" }
          : { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
    formatter = new Intl.DateTimeFormat(REPORT_TEXT[lang].locale, options);
    formatters.set(formatterKey, formatter);
  }
  const label = formatter.format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)));
  if (labels.size < 100_000) labels.set(key, label);
  return label;
}

/**
 * A piece of content (a name, a title, a summary) in the report's language, by the pages' rule
 * (`localizedText`): English wherever the language's text is missing or blank.
 */
export function inLanguage(lang: ReportLang, en: string, zh: string | null | undefined, translation?: string | null): string {
  return localizedText(lang, { en, zh: zh ?? "" }, translation).text;
}

/** Whether content is in the report's language, or English stands in for it (the pages' rule). */
export function isTranslated(lang: ReportLang, zh: string | null | undefined, translation?: string | null): boolean {
  return localizedText(lang, { en: "x", zh: zh ?? "" }, translation).translated;
}
