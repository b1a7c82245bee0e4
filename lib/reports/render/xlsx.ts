import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { directionOf } from "@/i18n/locales";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import type { ReportHeading } from "../document";
import type { ReportLang } from "../options";
import type { ReportData, ReportRowColumn } from "../report-data";
import { reportText } from "../report-text";
import { addStackedBarChart } from "./xlsx-chart";

const COUNT_ORDER = ["completed", "in_progress", "ongoing", "delayed", "at_risk", "planned", "cancelled"] as const;

type DateFormats = { year: string; month: string; day: string };

/**
 * Excel number formats that show a date at its own precision: never a day the source lacks.
 * A locale prefix ([$-40C], French) makes Excel write the month's name in the report's
 * language; Arabic takes Egypt's (C01), whose calendar is the Gregorian one and whose month
 * names are those Intl gives for "ar".
 */
const DATE_FORMATS: Record<ReportLang, DateFormats> = {
  ar: { year: "yyyy", month: "[$-C01]mmmm yyyy", day: "[$-C01]d mmmm yyyy" },
  zh: { year: 'yyyy"年"', month: 'yyyy"年"m"月"', day: 'yyyy"年"m"月"d"日"' },
  en: { year: "yyyy", month: "mmmm yyyy", day: "d mmmm yyyy" },
  fr: { year: "yyyy", month: "[$-40C]mmmm yyyy", day: "[$-40C]d mmmm yyyy" },
  ru: { year: "yyyy", month: "[$-419]mmmm yyyy", day: "[$-419]d mmmm yyyy" },
  es: { year: "yyyy", month: '[$-C0A]mmmm "de" yyyy', day: '[$-C0A]d "de" mmmm "de" yyyy' },
};

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const header = (row: ExcelJS.Row) => {
  row.font = { bold: true };
  row.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F5" } };
  row.alignment = { vertical: "top", wrapText: true };
  row.commit();
};
type Validations = { add(range: string, validation: ExcelJS.DataValidation): void };

/**
 * The report as a workbook: "Milestones", one typed row per milestone (real dates shown at
 * their precision, status limited to the seven statuses, overdue as a boolean), "Summary", the
 * counts by workstream with formula totals, and "About", what the figures cover.
 */
export async function renderXlsx(data: ReportData, report: ReportHeading): Promise<Buffer> {
  const words = reportText(data.lang);
  const { t } = words;
  const f = (column: ReportRowColumn) => t(`fields.${column}`);
  // Arabic sheets read from the right: column A on the right, as Excel shows an Arabic workbook.
  const rightToLeft = directionOf(data.lang) === "rtl";
  const views = [{ state: "frozen" as const, ySplit: 1, rightToLeft }];
  // The streaming writer serialises each row as it is committed and zips with Node's zlib:
  // several times faster and leaner than building the whole workbook in memory.
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: 1 } },
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  workbook.creator = "CEB Workstream Tracker";
  workbook.created = utcDate(data.asOf);

  const sheet = workbook.addWorksheet(t("sheets.milestones"), { views });
  sheet.columns = [
    { header: f("number"), key: "number", width: 7 },
    { header: f("workstream"), key: "workstream", width: 40 },
    { header: f("workstreamSlug"), key: "workstreamSlug", width: 24 },
    { header: f("title"), key: "title", width: 60 },
    { header: f("dateLabel"), key: "date", width: 18 },
    { header: f("date"), key: "dateText", width: 12 },
    { header: f("datePrecision"), key: "datePrecision", width: 10 },
    { header: f("periodEnd"), key: "periodEnd", width: 14 },
    { header: f("baselineLabel"), key: "baseline", width: 18 },
    { header: f("slipMonths"), key: "slipMonths", width: 10 },
    { header: f("statusLabel"), key: "status", width: 13 },
    { header: f("status"), key: "statusCode", width: 12 },
    { header: f("overdue"), key: "overdue", width: 9 },
    { header: f("completedOn"), key: "completedOn", width: 13 },
    { header: f("source"), key: "source", width: 34 },
    { header: f("sourceParagraph"), key: "sourceParagraph", width: 10 },
    { header: f("sourceFootnote"), key: "sourceFootnote", width: 10 },
    { header: f("symbols"), key: "symbols", width: 24 },
    { header: f("urls"), key: "urls", width: 40 },
    { header: f("evidenceNotes"), key: "evidenceNotes", width: 40 },
    { header: f("reason"), key: "reason", width: 40 },
    { header: f("milestoneId"), key: "milestoneId", width: 12 },
  ];
  header(sheet.getRow(1));
  // One style object per date precision: exceljs recognises a style it has seen by reference,
  // so 10,000 dated cells cost three style look-ups instead of 10,000.
  const dateStyles = Object.fromEntries(Object.entries(DATE_FORMATS[data.lang]).map(([precision, numFmt]) => [precision, { numFmt }])) as Record<
    keyof DateFormats,
    Partial<ExcelJS.Style>
  >;
  const isoStyle: Partial<ExcelJS.Style> = { numFmt: "yyyy-mm-dd" };
  // exceljs gives each new cell its own merged style object; a shared one avoids a style
  // look-up per cell.
  const plainStyle: Partial<ExcelJS.Style> = {};
  for (const row of data.rows) {
    const added = sheet.addRow({
      number: row.number,
      workstream: row.workstream,
      workstreamSlug: row.workstreamSlug,
      title: row.title,
      date: utcDate(row.periodStart),
      dateText: row.date,
      datePrecision: row.datePrecision,
      periodEnd: utcDate(row.periodEnd),
      baseline: row.baselineDate
        ? utcDate(row.baselineDate.length === 4 ? `${row.baselineDate}-01-01` : row.baselineDate.length === 7 ? `${row.baselineDate}-01` : row.baselineDate)
        : null,
      slipMonths: row.slipMonths,
      status: row.statusLabel,
      statusCode: row.status,
      overdue: row.overdue,
      completedOn: row.completedOn,
      source: row.source,
      sourceParagraph: row.sourceParagraph,
      sourceFootnote: row.sourceFootnote,
      symbols: row.symbols.join(" "),
      urls: row.urls.join(" "),
      evidenceNotes: row.evidenceNotes.join(" | "),
      reason: row.reason,
      milestoneId: row.milestoneId,
    });
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.style = plainStyle;
    });
    added.getCell("date").style = dateStyles[row.datePrecision];
    added.getCell("periodEnd").style = isoStyle;
    if (row.baselineDate)
      added.getCell("baseline").style = dateStyles[row.baselineDate.length === 4 ? "year" : row.baselineDate.length === 7 ? "month" : "day"];
    added.commit();
  }
  const last = Math.max(2, data.rows.length + 1);
  // A range, not cell objects: the streaming writer drops an autoFilter it cannot address.
  sheet.autoFilter = `A1:${sheet.getColumn("milestoneId").letter}${last}`;
  // The status columns accept only the seven statuses, so an edited sheet stays consistent.
  // exceljs writes range validations (one per column, not one per cell); its types omit them.
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  const labels = MILESTONE_STATUSES.map((status) => words.status[status]);
  const statusColumn = sheet.getColumn("status").letter;
  const codeColumn = sheet.getColumn("statusCode").letter;
  const overdueColumn = sheet.getColumn("overdue").letter;
  validations.add(`${statusColumn}2:${statusColumn}${last}`, {
    type: "list",
    allowBlank: false,
    formulae: [`"${labels.join(",")}"`],
    showErrorMessage: true,
    errorTitle: t("statusHeading"),
    error: labels.join(", "),
  });
  validations.add(`${codeColumn}2:${codeColumn}${last}`, {
    type: "list",
    allowBlank: false,
    formulae: [`"${MILESTONE_STATUSES.join(",")}"`],
    showErrorMessage: true,
  });
  validations.add(`${overdueColumn}2:${overdueColumn}${last}`, { type: "list", allowBlank: false, formulae: ['"TRUE,FALSE"'] });

  const summary = workbook.addWorksheet(t("sheets.summary"), { views: [{ state: "frozen" as const, ySplit: 1, xSplit: 1, rightToLeft }] });
  summary.columns = [
    { header: t("workstream"), key: "workstream", width: 48 },
    { header: f("workstreamSlug"), key: "slug", width: 24 },
    ...COUNT_ORDER.map((status) => ({ header: words.status[status], key: status, width: 12 })),
    { header: words.overdue, key: "overdue", width: 10 },
    { header: t("total"), key: "total", width: 10 },
    { header: t("tableTotal", { year: data.previous.year }), key: "previousTotal", width: 12 },
    { header: t("change"), key: "change", width: 10 },
  ];
  header(summary.getRow(1));
  for (const section of data.workstreams) {
    const row = summary.addRow({
      workstream: section.name,
      slug: section.slug,
      ...Object.fromEntries(COUNT_ORDER.map((status) => [status, section.totals.counts[status]])),
      overdue: section.totals.overdue,
      total: section.totals.total,
      previousTotal: section.previous.total,
    });
    const totalCell = summary.getColumn("total").letter;
    const previousCell = summary.getColumn("previousTotal").letter;
    row.getCell("change").value = { formula: `${totalCell}${row.number}-${previousCell}${row.number}`, result: section.totals.total - section.previous.total };
    row.commit();
  }
  const firstData = 2;
  const lastData = data.workstreams.length + 1;
  summary.autoFilter = `A1:${summary.getColumn("change").letter}${Math.max(firstData, lastData)}`;
  const totals = summary.addRow({ workstream: t("tableTotal", { year: data.year }) });
  totals.font = { bold: true };
  const totalValues: Record<string, number> = {
    ...Object.fromEntries(COUNT_ORDER.map((status) => [status, data.totals.counts[status]])),
    overdue: data.totals.overdue,
    total: data.totals.total,
    previousTotal: data.previous.total,
    change: data.totals.total - data.previous.total,
  };
  for (const [key, result] of Object.entries(totalValues)) {
    const letter = summary.getColumn(key).letter;
    totals.getCell(key).value = lastData >= firstData ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result } : result;
  }
  totals.commit();
  summary.addRow({
    workstream: t("tableTotal", { year: data.previous.year }),
    ...Object.fromEntries(COUNT_ORDER.map((status) => [status, data.previous.counts[status]])),
    overdue: data.previous.overdue,
    total: data.previous.total,
  });

  const about = workbook.addWorksheet(t("sheets.about"), { views: [{ rightToLeft }] });
  about.columns = [{ width: 28 }, { width: 100 }];
  const aboutRows: (string | number | Date)[][] = [
    [t("about.title"), report.title],
    [t("about.subtitle"), report.subtitle],
    ...report.lines.map((line, index) => [index === 0 ? t("about.report") : "", line]),
    [t("about.year"), data.year],
    [t("about.language"), data.lang],
    [t("about.asOf"), utcDate(data.asOf)],
    [t("about.source"), data.sourceSymbol],
  ];
  about.getColumn(1).font = { bold: true };
  for (const values of aboutRows) about.addRow(values).commit();
  about.commit();

  await workbook.commit();
  if (!data.workstreams.length) return Buffer.concat(chunks);
  // The status mix as a native chart on the Summary sheet, beside the counts it is drawn from.
  const chartColumn = summary.getColumn("change").number + 1;
  return addStackedBarChart(Buffer.concat(chunks), {
    sheetIndex: 2,
    sheetName: t("sheets.summary"),
    title: t("figureStatus", { year: data.year }),
    firstRow: firstData,
    lastRow: lastData,
    categoryColumn: summary.getColumn("workstream").letter,
    categories: data.workstreams.map((section) => section.name),
    series: COUNT_ORDER.map((status) => ({
      status,
      name: words.status[status],
      column: summary.getColumn(status).letter,
      values: data.workstreams.map((section) => section.totals.counts[status]),
    })),
    anchor: { fromColumn: chartColumn, fromRow: 1, toColumn: chartColumn + 10, toRow: 1 + Math.max(18, Math.ceil(data.workstreams.length * 1.4)) },
    rightToLeft,
  });
}
