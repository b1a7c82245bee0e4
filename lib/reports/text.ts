import { parsePartialDate } from "@/lib/domain/partial-date";
import type { MilestoneStatus } from "@/lib/domain/status";
import type { ReportLang } from "./options";

/**
 * The words of the report document in each of its languages. They live here rather than in
 * messages/ because the document's language is chosen per request (`lang=zh` on an English
 * interface) and the same words are written by route handlers and the benchmark, outside
 * next-intl's request scope; the TypeScript type keeps the two languages complete.
 */
export type ReportText = {
  locale: string;
  /** Between list items: ", " or "、". */
  listSeparator: string;
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
  groupNextYear: (year: number, count: number) => string;
  noMilestones: string;
  completedOn: (date: string) => string;
  overdueSince: (date: string) => string;
  reason: (note: string) => string;
  noReason: string;
  paragraphRef: (symbol: string, paragraph: number, footnote: number | null) => string;
  addedInTracker: string;
  quote: (text: string) => string;
  page: (page: number, pages: number) => string;
  figure: (n: number) => string;
  table: (n: number) => string;
};

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

const en: ReportText = {
  // British English dates, as in UN documents: "1 January 2021".
  locale: "en-GB",
  listSeparator: ", ",
  title: (year) => `Progress of the inter-agency workstreams of the CEB in ${year}`,
  subtitle: "Yearly summary from the CEB Workstream Tracker, drawn from the annual overview report E/2022/13",
  period: (start, end) => `Period covered: ${start} to ${end}`,
  asOf: (date) => `Statuses as recorded on ${date}`,
  scopeAll: "All workstreams and statuses.",
  scopeSome: (workstreams, statuses) =>
    `Limited to ${workstreams} selected workstream${workstreams === 1 ? "" : "s"}${statuses ? ` and to milestones that are ${statuses}` : ""}.`,
  contents: "Contents",
  chapterOverview: "Overview",
  chapterWorkstreams: "Progress by workstream",
  annex: "Annex",
  annexTitle: (year) => `Milestones of ${year}`,
  status: {
    planned: "Planned",
    in_progress: "In progress",
    completed: "Completed",
    delayed: "Delayed",
    at_risk: "At risk",
    cancelled: "Cancelled",
  },
  overdue: "Overdue",
  total: "Total",
  change: "Change",
  changeFrom: (year) => `Change from ${year}`,
  workstream: "Workstream",
  milestone: "Milestone",
  date: "Date",
  statusHeading: "Status",
  source: "Source",
  evidence: "Evidence",
  number: "No.",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `This summary covers the ${milestones} milestone${milestones === 1 ? "" : "s"} of ${workstreams} workstream${workstreams === 1 ? "" : "s"} dated in ${year}, with their statuses as recorded on ${asOf}. Each date is given only as precisely as its source states it.`,
  overviewStatus: (parts, overdue) =>
    `By status: ${parts}. ${overdue} ${overdue === 1 ? "is" : "are"} overdue: the period of ${overdue === 1 ? "its" : "their"} date has passed and ${overdue === 1 ? "it is" : "they are"} neither completed nor cancelled.`,
  overviewChange: (previousYear, previousTotal, parts) =>
    `Against ${previousYear} (${previousTotal} milestone${previousTotal === 1 ? "" : "s"}): ${parts}.`,
  overviewNoPrevious: (previousYear) => `No milestones are recorded for ${previousYear} to compare with.`,
  overviewFigures: "Table 1 gives the figures for each workstream; figures I and II show the status mix and the year's progress.",
  countOf: (count, status) => `${count} ${status.toLowerCase()}`,
  changeOf: (delta, status) => `${status.toLowerCase()} ${delta > 0 ? `+${delta}` : delta === 0 ? "±0" : `−${-delta}`}`,
  tableCounts: (year) => `Milestones by status and workstream, ${year}`,
  tableTotal: (year) => `Total ${year}`,
  figureStatus: (year) => `Milestones by status for each workstream, ${year}`,
  figureProgress: (year) => `Milestones due and completed in ${year}, cumulative by month`,
  figurePart: (part, parts) => ` (part ${part} of ${parts})`,
  cumulativeDue: "Due (cumulative)",
  cumulativeCompleted: "Completed (cumulative)",
  month: "Month",
  tableAlternative: "Show the data as a table",
  dueInMonth: "Due in month",
  completedInMonth: "Completed in month",
  bodyLine: (body) => `Parent body: ${body}.`,
  leadsLine: (leads) => (leads ? `Led by: ${leads}.` : "Lead entities: not named in the report."),
  paragraphsLine: (symbol, paragraphs) => `Source: ${symbol}, paras. ${paragraphs}.`,
  groupCompleted: (year, count) => `Completed in ${year} (${count}):`,
  groupInProgress: (count) => `In progress (${count}):`,
  groupSlipped: (count) => `Delayed, at risk or overdue, and why (${count}):`,
  groupPlanned: (count) => `Planned (${count}):`,
  groupCancelled: (count) => `Cancelled (${count}):`,
  groupNextYear: (year, count) => `Planned next, for ${year} (${count}):`,
  noMilestones: "No milestones of this workstream match the options of this report.",
  completedOn: (date) => `completed ${date}`,
  overdueSince: (date) => `overdue since the end of ${date}`,
  reason: (note) => `Reason recorded: ${note}`,
  noReason: "No reason recorded.",
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}, para. ${paragraph}${footnote !== null ? `, footnote ${footnote}` : ""}`,
  addedInTracker: "added in the tracker",
  quote: (text) => `“${text}”`,
  page: (page, pages) => `Page ${page} of ${pages}`,
  figure: (n) => `Figure ${roman(n)}`,
  table: (n) => `Table ${n}`,
};

const zh: ReportText = {
  locale: "zh-CN",
  listSeparator: "、",
  title: (year) => `${year} 年联合国系统行政首长协调理事会机构间工作流进展`,
  subtitle: "依据年度概览报告 E/2022/13，由首协会工作流跟踪系统生成的年度摘要",
  period: (start, end) => `所涉期间：${start}至${end}`,
  asOf: (date) => `状态截至 ${date}`,
  scopeAll: "涵盖全部工作流和全部状态。",
  scopeSome: (workstreams, statuses) => `仅涵盖所选 ${workstreams} 个工作流${statuses ? `，以及状态为${statuses}的里程碑` : ""}。`,
  contents: "目录",
  chapterOverview: "概览",
  chapterWorkstreams: "各工作流进展",
  annex: "附件",
  annexTitle: (year) => `${year} 年里程碑`,
  status: {
    planned: "计划中",
    in_progress: "进行中",
    completed: "已完成",
    delayed: "已推迟",
    at_risk: "有风险",
    cancelled: "已取消",
  },
  overdue: "逾期",
  total: "合计",
  change: "变化",
  changeFrom: (year) => `较 ${year} 年变化`,
  workstream: "工作流",
  milestone: "里程碑",
  date: "日期",
  statusHeading: "状态",
  source: "出处",
  evidence: "证据",
  number: "编号",
  overviewIntro: (milestones, workstreams, year, asOf) =>
    `本摘要涵盖 ${workstreams} 个工作流中日期在 ${year} 年的 ${milestones} 个里程碑，状态以 ${asOf} 的记录为准。各日期的精确程度与出处一致。`,
  overviewStatus: (parts, overdue) => `按状态分：${parts}。其中 ${overdue} 个逾期：其日期所涵盖的期间已过，但既未完成也未取消。`,
  overviewChange: (previousYear, previousTotal, parts) => `与 ${previousYear} 年（${previousTotal} 个里程碑）相比：${parts}。`,
  overviewNoPrevious: (previousYear) => `${previousYear} 年没有可供比较的里程碑。`,
  overviewFigures: "表 1 列出各工作流的数字；图一和图二显示状态构成和本年度进展。",
  countOf: (count, status) => `${status} ${count} 个`,
  changeOf: (delta, status) => `${status} ${delta > 0 ? `+${delta}` : delta === 0 ? "±0" : `−${-delta}`}`,
  tableCounts: (year) => `${year} 年各工作流里程碑状态`,
  tableTotal: (year) => `${year} 年合计`,
  figureStatus: (year) => `${year} 年各工作流里程碑状态`,
  figureProgress: (year) => `${year} 年到期与完成的里程碑（按月累计）`,
  figurePart: (part, parts) => `（第 ${part} 部分，共 ${parts} 部分）`,
  cumulativeDue: "到期（累计）",
  cumulativeCompleted: "完成（累计）",
  month: "月份",
  tableAlternative: "以表格显示数据",
  dueInMonth: "当月到期",
  completedInMonth: "当月完成",
  bodyLine: (body) => `上级机构：${body}。`,
  leadsLine: (leads) => (leads ? `牵头实体：${leads}。` : "牵头实体：报告未列明。"),
  paragraphsLine: (symbol, paragraphs) => `出处：${symbol}，第 ${paragraphs} 段。`,
  groupCompleted: (year, count) => `${year} 年已完成（${count} 个）：`,
  groupInProgress: (count) => `进行中（${count} 个）：`,
  groupSlipped: (count) => `已推迟、有风险或逾期及其原因（${count} 个）：`,
  groupPlanned: (count) => `计划中（${count} 个）：`,
  groupCancelled: (count) => `已取消（${count} 个）：`,
  groupNextYear: (year, count) => `下一步计划（${year} 年，${count} 个）：`,
  noMilestones: "本工作流没有符合本报告选项的里程碑。",
  completedOn: (date) => `完成于 ${date}`,
  overdueSince: (date) => `自 ${date} 结束起逾期`,
  reason: (note) => `记录的原因：${note}`,
  noReason: "未记录原因。",
  paragraphRef: (symbol, paragraph, footnote) => `${symbol}，第 ${paragraph} 段${footnote !== null ? `，脚注 ${footnote}` : ""}`,
  addedInTracker: "在跟踪系统中添加",
  quote: (text) => `“${text}”`,
  page: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  figure: (n) => `图${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][n - 1] ?? n}`,
  table: (n) => `表 ${n}`,
};

export const REPORT_TEXT: Record<ReportLang, ReportText> = { en, zh };

const formatters = new Map<string, Intl.DateTimeFormat>();
const labels = new Map<string, string>();

/**
 * A partial date in the report's language at its own precision: "October 2021", "2021年10月",
 * never a day the source lacks. The same wording as formatPartialDate, with the Intl formatters
 * and the labels cached: a report formats tens of thousands of dates, and building a formatter
 * for each took most of a large report's time and memory.
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

/** Chinese where the content has it, else English (milestones added in the tracker may lack it). */
export function inLanguage(lang: ReportLang, en: string, zh: string | null | undefined): string {
  return lang === "zh" && zh && zh.trim() ? zh : en;
}
