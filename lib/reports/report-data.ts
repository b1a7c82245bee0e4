import "server-only";
import { emptyStatusCounts, type StatusCounts } from "@/lib/domain/health";
import type { DatePrecision } from "@/lib/domain/partial-date";
import { slipMonths } from "@/lib/domain/slip";
import { SOURCE_REPORT_SYMBOL } from "@/lib/domain/source-report";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { cachedRead } from "@/lib/queries/cache";
import type { AttentionLevel } from "@/lib/domain/attention";
import type { Slip } from "@/lib/domain/slip";
import { attentionOfMilestones } from "@/lib/queries/attention";
import type { ReportLang } from "./options";
import {
  type CountsRow,
  countsByWorkstream,
  milestonesOfYear,
  monthlyCounts,
  openMilestonesOfYear,
  type ReportMilestoneRow,
  type ReportScope,
  type ReportWorkstreamRow,
  statusReasons,
  workstreamsForReport,
} from "@/lib/queries/report";
import { storedTranslations } from "./stored-translations";
import { reportDate } from "./formatting";
import { inLanguage, isTranslated, reportText } from "./report-text";

export type Totals = { counts: StatusCounts; overdue: number; total: number };

/** One milestone as the annex, the CSV and the JSON give it; the narrative cites the same rows. */
export type ReportRow = {
  /** Its number in the annex (1-based); 0 for a following year's milestone cited as planned next. */
  number: number;
  milestoneId: number;
  workstreamSlug: string;
  workstream: string;
  bodyCode: string;
  title: string;
  date: string;
  datePrecision: DatePrecision;
  /** The date in the report's language at its own precision: "October 2021", never a day it lacks. */
  dateLabel: string;
  periodStart: string;
  periodEnd: string;
  status: MilestoneStatus;
  statusLabel: string;
  overdue: boolean;
  completedOn: string | null;
  sourceParagraph: number | null;
  sourceFootnote: number | null;
  /** Other paragraphs of the source it draws on, e.g. the one that dates it. */
  alsoParagraphs: number[];
  /** "E/2022/13, para. 27, footnote 12" ("; see also para. 35"), or that it was added in the tracker. */
  source: string;
  /** Document symbols cited as evidence (CEB/2021/1/Add.1). */
  symbols: string[];
  urls: string[];
  /** Notes on the evidence, each naming the symbol or address it is about, in the report's language. */
  evidenceNotes: string[];
  quoteZh: string | null;
  /** Why it has its status: the note of the change into it, when one was recorded. */
  reason: string | null;
  /** The first planned date of a re-planned milestone (`date` is then the new one), else null. */
  baselineDate: string | null;
  baselineLabel: string | null;
  /** Months from the first planned date to the current one (ADR 011). */
  slipMonths: number | null;
  /** False where English stands in for the report's language: the document marks it "not translated". */
  titleTranslated: boolean;
  workstreamTranslated: boolean;
};

export type ReportRowColumn = (typeof REPORT_ROW_COLUMNS)[number];

export const REPORT_ROW_COLUMNS = [
  "number",
  "milestoneId",
  "workstreamSlug",
  "workstream",
  "bodyCode",
  "title",
  "date",
  "datePrecision",
  "dateLabel",
  "periodStart",
  "periodEnd",
  "status",
  "statusLabel",
  "overdue",
  "completedOn",
  "sourceParagraph",
  "sourceFootnote",
  "alsoParagraphs",
  "source",
  "symbols",
  "urls",
  "evidenceNotes",
  "quoteZh",
  "reason",
  "baselineDate",
  "baselineLabel",
  "slipMonths",
  "titleTranslated",
  "workstreamTranslated",
] as const satisfies readonly (keyof ReportRow)[];

export type MilestoneGroups = {
  completed: ReportRow[];
  inProgress: ReportRow[];
  /** Recurring work with no end: neither done nor due. */
  ongoing: ReportRow[];
  /** Delayed, at risk, or overdue whatever their status: what slipped. */
  slipped: ReportRow[];
  planned: ReportRow[];
  cancelled: ReportRow[];
};

export type WorkstreamSection = {
  number: number;
  slug: string;
  name: string;
  bodyCode: string;
  body: string;
  leads: string[];
  paragraphs: number[];
  summary: string;
  /** False where English stands in for the report's language. */
  nameTranslated: boolean;
  summaryTranslated: boolean;
  totals: Totals;
  previous: Totals;
  groups: MilestoneGroups;
  /** Open milestones of the following year: what is planned next. */
  next: ReportRow[];
};

/**
 * A milestone of the year that needs attention (delayed, overdue, at risk), in the overview's
 * Attention order: with its row, the latest reason, who gave it (a name) and when, and for a
 * re-planned milestone the first planned date and the slip.
 */
export type AttentionRow = {
  row: ReportRow;
  level: AttentionLevel;
  levelLabel: string;
  baselineLabel: string | null;
  slip: Slip | null;
  reasonBy: string | null;
  reasonAt: string | null;
};

export type MonthPoint = { month: string; due: number; completed: number; cumulativeDue: number; cumulativeCompleted: number };

export type ReportData = {
  year: number;
  lang: ReportLang;
  /** The day the statuses (and "overdue") are taken at. */
  asOf: string;
  period: { start: string; end: string };
  sourceSymbol: string;
  scope: { workstreams: string[] | null; statuses: MilestoneStatus[] | null };
  totals: Totals;
  previous: Totals & { year: number };
  workstreams: WorkstreamSection[];
  rows: ReportRow[];
  /** The year's milestones needing attention, most severe first, then the longest-standing. */
  attention: AttentionRow[];
  months: MonthPoint[];
};

/** What a piece of translated content belongs to, and which of its texts it is. */
export type ContentRef = { kind: "workstream"; id: number; field: "name" | "summary" } | { kind: "milestone"; id: number; field: "title" };

/**
 * Where Arabic, French, Russian and Spanish content comes from: the translation of one text in
 * the report's language, or nothing (English is shown then).
 */
export type ContentTranslations = (ref: ContentRef) => string | undefined | null;

const emptyTotals = (): Totals => ({ counts: emptyStatusCounts(), overdue: 0, total: 0 });

const totalsOf = (row: CountsRow | undefined): Totals => (row ? { counts: row.counts, overdue: row.overdue, total: row.total } : emptyTotals());

function sumTotals(rows: Iterable<CountsRow>): Totals {
  const totals = emptyTotals();
  for (const row of rows) {
    for (const status of MILESTONE_STATUSES) totals.counts[status] += row.counts[status];
    totals.overdue += row.overdue;
    totals.total += row.total;
  }
  return totals;
}

/**
 * Everything a yearly report shows, built once and rendered by every format: the year's
 * counts (from SQL aggregates) against the previous year's, one section per workstream with
 * its milestones grouped by what happened to them, the annex rows and the monthly curve.
 * `translations` gives Arabic, French, Russian and Spanish content where it exists.
 */
export async function buildReportData(
  year: number,
  options: { lang: ReportLang; workstream?: string[]; status?: MilestoneStatus[] },
  today: string,
  translations?: ContentTranslations,
): Promise<ReportData> {
  const scope: ReportScope = { workstreams: options.workstream, statuses: options.status };
  const lang = options.lang;
  const text = reportText(lang);
  const { t } = text;
  const bodyName = (stream: ReportWorkstreamRow) =>
    lang === "zh"
      ? inLanguage(lang, stream.bodyNameEn, stream.bodyNameZh)
      : (text.bodyNames[stream.bodyCode] ?? `${stream.bodyNameEn} (${stream.bodyShortNameEn})`);

  const counts = await countsByWorkstream(year, scope, today);
  const previousCounts = await countsByWorkstream(year - 1, scope, today);
  const streams = await workstreamsForReport([...counts.keys()], scope.workstreams ?? []);
  const milestones = await milestonesOfYear(year, scope, today);
  const reasons = await statusReasons(year, scope);
  const next = await openMilestonesOfYear(
    year + 1,
    streams.map((stream) => stream.id),
    scope,
    today,
  );
  const byId = new Map<number, ReportWorkstreamRow>(streams.map((stream) => [stream.id, stream]));
  const names = new Map(
    streams.map((stream) => [stream.id, inLanguage(lang, stream.nameEn, stream.nameZh, translations?.({ kind: "workstream", id: stream.id, field: "name" }))]),
  );
  const nameTranslated = new Map(
    streams.map((stream) => [stream.id, isTranslated(lang, stream.nameZh, translations?.({ kind: "workstream", id: stream.id, field: "name" }))]),
  );

  const toRow = (milestone: ReportMilestoneRow, number: number): ReportRow => {
    const stream = byId.get(milestone.workstreamId)!;
    return {
      number,
      milestoneId: milestone.id,
      workstreamSlug: stream.slug,
      workstream: names.get(stream.id)!,
      bodyCode: stream.bodyCode,
      title: inLanguage(lang, milestone.titleEn, milestone.titleZh, translations?.({ kind: "milestone", id: milestone.id, field: "title" })),
      date: milestone.date,
      datePrecision: milestone.datePrecision,
      dateLabel: reportDate(milestone.date, lang),
      periodStart: milestone.periodStart,
      periodEnd: milestone.periodEnd,
      status: milestone.status,
      statusLabel: text.status[milestone.status],
      overdue: milestone.overdue,
      completedOn: milestone.completedOn,
      sourceParagraph: milestone.sourceParagraph,
      sourceFootnote: milestone.sourceFootnote,
      alsoParagraphs: milestone.alsoParagraphs,
      source:
        milestone.sourceParagraph !== null
          ? (milestone.sourceFootnote !== null
              ? t("paragraphRefFootnote", { symbol: SOURCE_REPORT_SYMBOL, paragraph: milestone.sourceParagraph, footnote: milestone.sourceFootnote })
              : t("paragraphRef", { symbol: SOURCE_REPORT_SYMBOL, paragraph: milestone.sourceParagraph })) +
            (milestone.alsoParagraphs.length ? t("seeAlso", { paragraphs: milestone.alsoParagraphs.join(text.punct.list) }) : "")
          : t("addedInTracker"),
      symbols: milestone.evidence.filter((item) => item.kind === "symbol").map((item) => item.value),
      urls: milestone.evidence.filter((item) => item.kind === "url").map((item) => item.value),
      evidenceNotes: milestone.evidence.flatMap((item) =>
        item.note ? [t("evidenceNote", { evidence: item.value, note: inLanguage(lang, item.note.en, item.note.zh) })] : [],
      ),
      quoteZh: milestone.quoteZh,
      reason: reasons.get(milestone.id) ?? null,
      baselineDate: milestone.baselineDate,
      baselineLabel: milestone.baselineDate ? reportDate(milestone.baselineDate, lang) : null,
      slipMonths: slipMonths(milestone.baselineDate, milestone.date),
      titleTranslated: isTranslated(lang, milestone.titleZh, translations?.({ kind: "milestone", id: milestone.id, field: "title" })),
      workstreamTranslated: nameTranslated.get(stream.id)!,
    };
  };

  const rows = milestones.map((milestone, index) => toRow(milestone, index + 1));
  const rowsByStream = new Map<number, ReportRow[]>();
  milestones.forEach((milestone, index) => {
    const list = rowsByStream.get(milestone.workstreamId) ?? [];
    list.push(rows[index]!);
    rowsByStream.set(milestone.workstreamId, list);
  });
  const nextByStream = new Map<number, ReportRow[]>();
  for (const milestone of next) {
    const list = nextByStream.get(milestone.workstreamId) ?? [];
    list.push(toRow(milestone, 0));
    nextByStream.set(milestone.workstreamId, list);
  }

  const rowById = new Map(rows.map((row) => [row.milestoneId, row]));
  const attention = (await attentionOfMilestones([...rowById.keys()], today)).map((item): AttentionRow => {
    const row = rowById.get(item.id)!;
    const human = item.reason?.by ? item.reason : null;
    return {
      // The latest note, by whoever wrote it; the report's own entries are no reason.
      row: { ...row, reason: human?.note ?? row.reason },
      level: item.level,
      levelLabel: item.level === "overdue" ? text.overdue : text.status[item.level],
      baselineLabel: item.baselineDate ? reportDate(item.baselineDate, lang) : null,
      slip: item.slip,
      reasonBy: human?.by ?? null,
      reasonAt: human ? reportDate(human.at.slice(0, 10), lang) : null,
    };
  });

  const workstreams = streams.map((stream, index): WorkstreamSection => ({
    number: index + 1,
    slug: stream.slug,
    name: names.get(stream.id)!,
    bodyCode: stream.bodyCode,
    body: bodyName(stream),
    leads: stream.leads,
    paragraphs: stream.paragraphs,
    summary: inLanguage(lang, stream.summaryEn, stream.summaryZh, translations?.({ kind: "workstream", id: stream.id, field: "summary" })),
    nameTranslated: nameTranslated.get(stream.id)!,
    summaryTranslated: isTranslated(lang, stream.summaryZh, translations?.({ kind: "workstream", id: stream.id, field: "summary" })),
    totals: totalsOf(counts.get(stream.id)),
    previous: totalsOf(previousCounts.get(stream.id)),
    groups: groupMilestones(rowsByStream.get(stream.id) ?? []),
    next: nextByStream.get(stream.id) ?? [],
  }));

  return {
    year,
    lang,
    asOf: today,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    sourceSymbol: SOURCE_REPORT_SYMBOL,
    scope: { workstreams: scope.workstreams?.length ? scope.workstreams : null, statuses: scope.statuses?.length ? scope.statuses : null },
    totals: sumTotals(counts.values()),
    previous: { year: year - 1, ...sumTotals(previousCounts.values()) },
    workstreams,
    rows,
    attention,
    months: cumulateByMonth(year, await monthlyCounts(year, scope)),
  };
}

/**
 * Sorts a workstream's milestones into what the report says about them. Each appears once:
 * completed, cancelled, ongoing (recurring, never overdue), then anything delayed, at risk or
 * overdue (it slipped), then in progress and planned.
 */
export function groupMilestones(rows: ReportRow[]): MilestoneGroups {
  const groups: MilestoneGroups = { completed: [], inProgress: [], ongoing: [], slipped: [], planned: [], cancelled: [] };
  for (const row of rows) {
    if (row.status === "completed") groups.completed.push(row);
    else if (row.status === "cancelled") groups.cancelled.push(row);
    else if (row.status === "ongoing") groups.ongoing.push(row);
    else if (row.status === "delayed" || row.status === "at_risk" || row.overdue) groups.slipped.push(row);
    else if (row.status === "in_progress") groups.inProgress.push(row);
    else groups.planned.push(row);
  }
  return groups;
}

/** The twelve months of the year with running totals; completions outside the year are left out. */
export function cumulateByMonth(year: number, monthly: { due: Map<string, number>; completed: Map<string, number> }): MonthPoint[] {
  const first = `${year}-01`;
  let completedBefore = 0;
  for (const [month, n] of monthly.completed) if (month < first) completedBefore += n;
  const points: MonthPoint[] = [];
  let cumulativeDue = 0;
  let cumulativeCompleted = 0;
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, "0")}`;
    const due = monthly.due.get(month) ?? 0;
    // A completion recorded before the year began counts in its first month.
    const completed = (monthly.completed.get(month) ?? 0) + (m === 1 ? completedBefore : 0);
    cumulativeDue += due;
    cumulativeCompleted += completed;
    points.push({ month, due, completed, cumulativeDue, cumulativeCompleted });
  }
  return points;
}

/** Change of each count against the previous year. */
export function changeOf(current: Totals, previous: Totals): Totals {
  const counts = emptyStatusCounts();
  for (const status of MILESTONE_STATUSES) counts[status] = current.counts[status] - previous.counts[status];
  return { counts, overdue: current.overdue - previous.overdue, total: current.total - previous.total };
}

/**
 * The report's data with the tracker's stored translations, cached between requests until a
 * command changes milestones, workstreams or translations (docs/decisions/007-read-cache.md).
 */
export const reportDataFor = cachedRead(
  "reportData",
  ["milestones", "workstreams", "translations"],
  async (year: number, options: { lang: ReportLang; workstream?: string[]; status?: MilestoneStatus[] }, today: string) =>
    buildReportData(year, options, today, await storedTranslations(options.lang)),
);

/** About this many milestones per page of the report page (a section is never split): at 60 a page of the 10,000-milestone benchmark was 330 KB. */
export const REPORT_PAGE_MILESTONES = 40;
/** Items needing attention the report page lists (the downloads list all of them). */
export const REPORT_PAGE_ATTENTION = 25;

const milestonesOf = (section: WorkstreamSection) => section.next.length + Object.values(section.groups).reduce((sum, rows) => sum + rows.length, 0);

/**
 * The report page's pages: consecutive workstream sections holding about `budget` milestones
 * each, so a page stays small however large the year is; the downloads keep every section.
 */
export function pageOfSections(
  sections: WorkstreamSection[],
  page: number,
  budget = REPORT_PAGE_MILESTONES,
): { sections: WorkstreamSection[]; page: number; totalPages: number } {
  const pages: WorkstreamSection[][] = [[]];
  let load = 0;
  for (const section of sections) {
    const size = Math.max(1, milestonesOf(section));
    if (load > 0 && load + size > budget) {
      pages.push([]);
      load = 0;
    }
    pages[pages.length - 1]!.push(section);
    load += size;
  }
  const current = Math.min(Math.max(1, page), pages.length);
  return { sections: pages[current - 1]!, page: current, totalPages: pages.length };
}
