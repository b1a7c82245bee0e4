import { directionOf } from "@/i18n/locales";
import type { MilestoneStatus } from "@/lib/domain/status";
import { changeOf, type MonthPoint, type ReportData, type ReportRow, type Totals, type WorkstreamSection } from "./report-data";
import { reportDate } from "./formatting";
import { latinLetters } from "./numbering";
import { type ReportText, reportText } from "./report-text";

/**
 * The report as a format-neutral document: headings, numbered paragraphs with lettered items,
 * tables and figures, in the report's language. The PDF, the Word file and the page render
 * these blocks, so they say the same thing with the same numbers.
 */
export type Run = { text: string; bold?: boolean; href?: string };
export type Item = { label: string; runs: Run[] };
export type Cell = { text: string; bold?: boolean };
/** A table row; a `group` row is one cell across the table that heads the rows after it. */
export type Row = Cell[] & { group?: boolean };
export type Column = { header: string; width: number; align: "left" | "right" };
export type StatusMixRow = { label: string; counts: Record<MilestoneStatus, number> };
export type ChartSpec =
  | { type: "statusMix"; rows: StatusMixRow[]; labels: Record<MilestoneStatus, string> }
  | { type: "progress"; points: MonthPoint[]; labels: { due: string; completed: string }; locale: string };

export type Block =
  | { kind: "heading"; level: 1 | 2; id: string; label: string; text: string }
  | { kind: "meta"; runs: Run[] }
  | { kind: "paragraph"; number: number; runs: Run[]; items: Item[] }
  | { kind: "table"; id: string; label: string; caption: string; columns: Column[]; rows: Row[]; foot: Cell[][] }
  | { kind: "figure"; id: string; label: string; caption: string; chart: ChartSpec };

export type ReportDocument = {
  lang: ReportData["lang"];
  /** Arabic reads right to left: text aligned right, table columns and charts mirrored. */
  direction: "ltr" | "rtl";
  title: string;
  subtitle: string;
  lines: string[];
  blocks: Block[];
  /** Headings for a table of contents. */
  toc: { id: string; level: 1 | 2; label: string; text: string }[];
};

/** Bars per status-mix figure: more workstreams continue in further parts of the figure. */
export const STATUS_MIX_ROWS_PER_FIGURE = 25;

const COUNT_ORDER: MilestoneStatus[] = ["completed", "in_progress", "ongoing", "delayed", "at_risk", "planned", "cancelled"];

/** Section letters as in UN reports: A–Z, then AA, AB… */
export const sectionLetter = latinLetters;

export type ReportHeading = Pick<ReportDocument, "title" | "subtitle" | "lines">;

/** The report's title block: title, subtitle, period, the day statuses are taken at, scope. */
export function reportHeading(data: ReportData): ReportHeading {
  const words = reportText(data.lang);
  const { t } = words;
  return {
    title: t("title", { year: data.year }),
    subtitle: t("subtitle"),
    lines: [
      t("period", { start: reportDate(data.period.start, data.lang), end: reportDate(data.period.end, data.lang) }),
      t("asOf", { date: reportDate(data.asOf, data.lang) }),
      scopeLine(data, words),
    ],
  };
}

/** What the report is limited to: every workstream and status, or the chosen ones. */
function scopeLine(data: ReportData, { t, status, punct }: ReportText): string {
  if (!data.scope.workstreams && !data.scope.statuses) return t("scopeAll");
  const workstreams = data.workstreams.length;
  return data.scope.statuses
    ? t("scopeSomeStatuses", { workstreams, statuses: data.scope.statuses.map((code) => status[code]).join(punct.list) })
    : t("scopeSome", { workstreams });
}

/** A workstream's name, marked "not translated" where English stands in (as the pages mark it). */
const sectionName = (section: WorkstreamSection, { t }: ReportText) => (section.nameTranslated ? section.name : t("untranslated", { text: section.name }));
const rowTitle = (row: ReportRow, { t }: ReportText) => (row.titleTranslated ? row.title : t("untranslated", { text: row.title }));

/**
 * `sections` limits the per-workstream parts (counts table rows, status-mix bars, sections and
 * annex rows) to one page of workstreams, as the report page shows them; totals and text stay
 * those of the whole report. `attentionLimit` lists only the first items needing attention (the
 * page says how many more the downloads hold). Exports pass nothing and get every workstream.
 */
export function buildReportDocument(data: ReportData, options: { sections?: WorkstreamSection[]; attentionLimit?: number } = {}): ReportDocument {
  const shown = options.sections ?? data.workstreams;
  const words = reportText(data.lang);
  const { t } = words;
  const { list, stop, space, dash, facts: factSeparator, sources, colon, reasonEnd } = words.punct;
  const zh = data.lang === "zh";
  const blocks: Block[] = [];
  let paragraph = 0;
  const para = (runs: Run[], items: Item[] = []) => blocks.push({ kind: "paragraph", number: ++paragraph, runs, items });

  const asOf = reportDate(data.asOf, data.lang);

  // I. Overview
  blocks.push({ kind: "heading", level: 1, id: "overview", label: words.chapterLabel(1), text: t("chapterOverview") });
  const intro = t("overviewIntro", { milestones: data.totals.total, workstreams: data.workstreams.length, year: data.year, asOf });
  para([{ text: `${intro}${space}${scopeLine(data, words)}` }]);
  // Statuses are lower-cased inside a sentence ("3 completed"); Chinese and Arabic have no case.
  const parts = COUNT_ORDER.filter((status) => data.totals.counts[status] > 0 || status !== "cancelled")
    .map((status) => t("countOf", { count: data.totals.counts[status], status: words.status[status].toLowerCase() }))
    .join(list);
  para([{ text: t("overviewStatus", { parts, overdue: data.totals.overdue }) }]);
  if (data.previous.total > 0) {
    const delta = changeOf(data.totals, data.previous);
    const changeText = (label: string, n: number) => t("changeOf", { status: label.toLowerCase(), change: words.change(n) });
    const changes = [
      ...COUNT_ORDER.map((status) => changeText(words.status[status], delta.counts[status])),
      changeText(words.overdue, delta.overdue),
      changeText(t("total"), delta.total),
    ].join(list);
    para([{ text: t("overviewChange", { previousYear: data.previous.year, previousTotal: data.previous.total, parts: changes }) }]);
  } else {
    para([{ text: t("overviewNoPrevious", { previousYear: data.previous.year }) }]);
  }
  // What needs attention, as at the top of the overview page: most severe first, with the reason.
  if (data.attention.length) {
    para(
      [{ text: t("attentionIntro", { count: data.attention.length }) }],
      data.attention.slice(0, options.attentionLimit ?? data.attention.length).map((item, index) => {
        const facts = [item.levelLabel.toLowerCase()];
        if (item.slip && item.baselineLabel) {
          const amount = new Intl.NumberFormat(words.locale, { style: "unit", unit: item.slip.unit, unitDisplay: "long" }).format(Math.abs(item.slip.amount));
          facts.push(t("expected", { date: item.row.dateLabel }), t("slip", { amount, baseline: item.baselineLabel }));
        }
        const reason = item.row.reason ? t("reason", { note: item.row.reason }) + reasonEnd : t("noReason");
        const by = item.reasonBy && item.reasonAt ? `${space}${t("reasonBy", { name: item.reasonBy, date: item.reasonAt })}` : "";
        return {
          label: words.itemLabel(index + 1),
          runs: [
            { text: item.row.title, bold: true },
            { text: `${dash}${item.row.dateLabel}${factSeparator}${item.row.workstream}${factSeparator}${facts.join(factSeparator)}${stop}` },
            { text: `${reason}${by}`.trimEnd() },
          ],
        };
      }),
    );
    if (options.attentionLimit !== undefined && data.attention.length > options.attentionLimit) {
      para([{ text: t("attentionMore", { shown: options.attentionLimit, total: data.attention.length }) }]);
    }
  } else {
    para([{ text: t("attentionNone") }]);
  }
  para([{ text: t("overviewFigures") }]);
  blocks.push(countsTable(data, words, shown));

  const mixRows = shown.map((section) => ({ label: section.name, counts: section.totals.counts }));
  const figureParts = Math.max(1, Math.ceil(mixRows.length / STATUS_MIX_ROWS_PER_FIGURE));
  for (let part = 0; part < figureParts; part++) {
    blocks.push({
      kind: "figure",
      id: part === 0 ? "figure-status" : `figure-status-${part + 1}`,
      label: words.figure(1),
      caption: t("figureStatus", { year: data.year }) + (figureParts > 1 ? t("figurePart", { part: part + 1, parts: figureParts }) : ""),
      chart: { type: "statusMix", rows: mixRows.slice(part * STATUS_MIX_ROWS_PER_FIGURE, (part + 1) * STATUS_MIX_ROWS_PER_FIGURE), labels: words.status },
    });
  }
  blocks.push({
    kind: "figure",
    id: "figure-progress",
    label: words.figure(2),
    caption: t("figureProgress", { year: data.year }),
    chart: { type: "progress", points: data.months, labels: { due: t("cumulativeDue"), completed: t("cumulativeCompleted") }, locale: words.locale },
  });

  // II. Progress by workstream
  blocks.push({ kind: "heading", level: 1, id: "workstreams", label: words.chapterLabel(2), text: t("chapterWorkstreams") });
  // Only a later date counts as a slip: a milestone brought forward gives just its first date.
  const firstPlanned = (row: ReportRow) => t("firstPlanned", { date: row.baselineLabel ?? "", months: Math.max(0, row.slipMonths ?? 0) });
  // A sentence ending in an abbreviation ("1 июня 2021 г.", "paras.") takes no second full stop.
  const endSentence = (text: string, before: string) => ((text || before).endsWith(".") && stop.startsWith(".") ? `${text}${stop.slice(1)}` : `${text}${stop}`);
  const itemRuns = (row: ReportRow, slipped: boolean): Run[] => {
    const runs: Run[] = [{ text: rowTitle(row, words), bold: true }, { text: `${dash}${row.dateLabel}` }];
    const facts: string[] = [];
    if (row.status === "completed" && row.completedOn && row.completedOn !== row.date)
      facts.push(t("completedOn", { date: reportDate(row.completedOn, data.lang) }));
    if (row.baselineLabel) facts.push(firstPlanned(row));
    if (slipped) {
      facts.push(row.statusLabel.toLowerCase());
      if (row.overdue) facts.push(t("overdueSince", { date: row.dateLabel }));
    }
    runs.push({ text: endSentence(facts.length ? `${factSeparator}${facts.join(factSeparator)}` : "", runs[1]!.text) });
    runs.push({ text: `${t("source")}${colon}${[row.source, ...row.symbols].join(sources)}${stop}` });
    if (row.urls.length) {
      runs.push({ text: `${t("evidence")}${colon}` });
      row.urls.forEach((url, index) => {
        if (index > 0) runs.push({ text: sources });
        runs.push({ text: url, href: url });
      });
      runs.push({ text: stop });
    }
    for (const note of row.evidenceNotes) runs.push({ text: endSentence(note, note) });
    if (zh && row.quoteZh) runs.push({ text: t("quote", { text: row.quoteZh }) + stop });
    if (slipped) runs.push({ text: row.reason ? t("reason", { note: row.reason }) + reasonEnd : t("noReason") });
    // Trim the trailing space of the last run.
    const last = runs[runs.length - 1]!;
    last.text = last.text.trimEnd();
    return runs;
  };
  const group = (heading: string, rows: ReportRow[], slipped = false) => {
    if (!rows.length) return;
    para(
      [{ text: heading }],
      rows.map((row, index) => ({ label: words.itemLabel(index + 1), runs: itemRuns(row, slipped) })),
    );
  };
  for (const section of shown) {
    blocks.push({ kind: "heading", level: 2, id: `ws-${section.slug}`, label: words.sectionLabel(section.number), text: sectionName(section, words) });
    const paragraphs = section.paragraphs.length ? t("paragraphsLine", { symbol: data.sourceSymbol, paragraphs: compactRanges(section.paragraphs) }) : "";
    blocks.push({
      kind: "meta",
      runs: [
        {
          text: [
            t("bodyLine", { body: section.body }),
            section.leads.length ? t("leadsLine", { leads: section.leads.join(list) }) : t("leadsUnnamed"),
            paragraphs,
          ]
            .filter(Boolean)
            .join(space),
        },
      ],
    });
    para([{ text: section.summaryTranslated ? section.summary : t("untranslated", { text: section.summary }) }]);
    const { completed, inProgress, ongoing, slipped, planned, cancelled } = section.groups;
    if (!completed.length && !inProgress.length && !ongoing.length && !slipped.length && !planned.length && !cancelled.length)
      para([{ text: t("noMilestones") }]);
    group(t("groupCompleted", { year: data.year, count: completed.length }), completed);
    group(t("groupInProgress", { count: inProgress.length }), inProgress);
    group(t("groupOngoing", { count: ongoing.length }), ongoing);
    group(t("groupSlipped", { count: slipped.length }), slipped, true);
    group(t("groupPlanned", { count: planned.length }), planned);
    group(t("groupCancelled", { count: cancelled.length }), cancelled);
    group(t("groupNextYear", { year: data.year + 1, count: section.next.length }), section.next, false);
  }

  // Annex
  const annexTitle = t("annexTitle", { year: data.year });
  blocks.push({ kind: "heading", level: 1, id: "annex", label: t("annex"), text: annexTitle });
  blocks.push({
    kind: "table",
    id: "table-annex",
    label: t("table", { number: 2 }),
    caption: annexTitle,
    columns: [
      { header: t("number"), width: 6, align: "right" },
      { header: t("milestone"), width: 46, align: "left" },
      { header: t("date"), width: 13, align: "left" },
      { header: t("statusHeading"), width: 13, align: "left" },
      { header: t("source"), width: 22, align: "left" },
    ],
    // Rows under a heading row for each workstream, as in the sections above.
    rows: shown.flatMap((section) => {
      const rows = [
        ...section.groups.completed,
        ...section.groups.inProgress,
        ...section.groups.ongoing,
        ...section.groups.slipped,
        ...section.groups.planned,
        ...section.groups.cancelled,
      ].sort((a, b) => a.number - b.number);
      if (!rows.length) return [];
      const heading: Row = Object.assign([{ text: `${words.sectionLabel(section.number)} ${sectionName(section, words)}`, bold: true }], { group: true });
      return [
        heading,
        ...rows.map((row): Row => [
          { text: words.num(row.number) },
          { text: rowTitle(row, words) },
          { text: row.baselineLabel ? `${row.dateLabel} (${firstPlanned(row)})` : row.dateLabel },
          { text: row.overdue ? `${row.statusLabel}${factSeparator}${words.overdue}` : row.statusLabel },
          { text: [row.source, ...row.symbols].join(sources) },
        ]),
      ];
    }),
    foot: [],
  });

  return {
    lang: data.lang,
    direction: directionOf(data.lang),
    ...reportHeading(data),
    blocks,
    toc: blocks.flatMap((block) => (block.kind === "heading" ? [{ id: block.id, level: block.level, label: block.label, text: block.text }] : [])),
  };
}

function countsTable(data: ReportData, words: ReportText, shown: WorkstreamSection[]): Block {
  const { t, num, signed } = words;
  const countCells = (totals: Totals, bold = false): Cell[] => [
    ...COUNT_ORDER.map((status) => ({ text: num(totals.counts[status]), bold })),
    { text: num(totals.overdue), bold },
    { text: num(totals.total), bold },
  ];
  const delta = changeOf(data.totals, data.previous);
  return {
    kind: "table",
    id: "table-counts",
    label: t("table", { number: 1 }),
    caption: t("tableCounts", { year: data.year }),
    columns: [
      // Names get most of the width (at most four lines); the counts are one or two digits.
      { header: t("workstream"), width: 36.5, align: "left" },
      ...COUNT_ORDER.map((status) => ({ header: words.status[status], width: 7.2, align: "right" as const })),
      { header: words.overdue, width: 7, align: "right" },
      { header: t("total"), width: 5.8, align: "right" },
      { header: t("changeFrom", { year: data.previous.year }), width: 7.5, align: "right" },
    ],
    rows: shown.map((section) => [
      { text: `${words.sectionLabel(section.number)} ${sectionName(section, words)}` },
      ...countCells(section.totals),
      { text: signed(section.totals.total - section.previous.total) },
    ]),
    foot: [
      [{ text: t("tableTotal", { year: data.year }), bold: true }, ...countCells(data.totals, true), { text: signed(delta.total), bold: true }],
      [{ text: t("tableTotal", { year: data.previous.year }) }, ...countCells(data.previous), { text: "" }],
      [
        { text: `${t("change")} ${words.year(data.previous.year)}–${words.year(data.year)}` },
        ...COUNT_ORDER.map((status) => ({ text: signed(delta.counts[status]) })),
        { text: signed(delta.overdue) },
        { text: signed(delta.total) },
        { text: "" },
      ],
    ],
  };
}

/** [27, 28, 29, 31] → "27–29, 31". */
export function compactRanges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}–${sorted[i]}`);
  }
  return parts.join(", ");
}
