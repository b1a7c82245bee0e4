import "server-only";
import type { ReportLang } from "../options";
import { REPORT_ROW_COLUMNS, type ReportData, type ReportRow } from "../report-data";
import { reportText } from "../report-text";

/**
 * A row's value as text: lists joined by spaces (symbols, URLs and paragraph numbers hold
 * none), notes on evidence (which are sentences) by " | "; empty for none.
 */
export function cellText(row: ReportRow, column: (typeof REPORT_ROW_COLUMNS)[number]): string {
  const value = row[column];
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(column === "evidenceNotes" ? " | " : " ");
  return String(value);
}

/**
 * A spreadsheet opening the CSV would run a cell that starts with =, +, - or @ as a formula;
 * such cells are prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The CSV's header row in the report's language. English keeps the column identifiers (the
 * JSON's keys, in English): scripts that read the English CSV by its header go on working.
 */
export function csvHeader(lang: ReportLang): string[] {
  return lang === "en" ? [...REPORT_ROW_COLUMNS] : REPORT_ROW_COLUMNS.map((column) => reportText(lang).t(`fields.${column}`));
}

/** The annex rows as RFC 4180 CSV, UTF-8 with a byte order mark so Excel reads Chinese, Arabic and Cyrillic. */
export function renderCsv(data: ReportData): string {
  const lines = [csvHeader(data.lang).map(csvField).join(",")];
  for (const row of data.rows) lines.push(REPORT_ROW_COLUMNS.map((column) => csvField(cellText(row, column))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The report's figures and the same rows as the CSV, as JSON: keys are stable English identifiers, for programs. */
export function renderJson(data: ReportData): string {
  return JSON.stringify({
    report: {
      year: data.year,
      lang: data.lang,
      asOf: data.asOf,
      period: data.period,
      source: data.sourceSymbol,
      scope: data.scope,
    },
    overview: {
      totals: data.totals,
      previous: data.previous,
      workstreams: data.workstreams.map((section) => ({
        number: section.number,
        slug: section.slug,
        name: section.name,
        bodyCode: section.bodyCode,
        leads: section.leads,
        ...section.totals,
        previousTotal: section.previous.total,
      })),
      // The Attention list: annex row numbers, most severe first, with the latest reason.
      attention: data.attention.map((item) => ({
        number: item.row.number,
        milestoneId: item.row.milestoneId,
        level: item.level,
        levelLabel: item.levelLabel,
        reason: item.row.reason,
        reasonBy: item.reasonBy,
        reasonAt: item.reasonAt,
        baseline: item.baselineLabel,
        slip: item.slip,
      })),
    },
    months: data.months,
    rows: data.rows,
  });
}
