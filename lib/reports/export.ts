import "server-only";
import { sanitizeDeep } from "@/lib/domain/plain-text";
import { buildReportDocument, reportHeading } from "./document";
import { type ReportFormat, reportFileName } from "./options";
import type { ReportData } from "./report-data";
import { renderDocx } from "./render/docx";
import { renderPdf } from "./render/pdf";
import { renderCsv, renderJson } from "./render/tabular";
import { renderXlsx } from "./render/xlsx";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export type RenderedReport = { body: Buffer; contentType: string; fileName: string };

/**
 * Renders one format of a report from its data. Every text is passed through `sanitizeDeep`
 * first: validation keeps control characters and non-characters out of the database, and this
 * second guard keeps any that got in some other way out of the files (XML cannot hold them).
 */
export async function renderReport(unsafe: ReportData, format: ReportFormat): Promise<RenderedReport> {
  const data = sanitizeDeep(unsafe);
  const fileName = reportFileName(data.year, data.lang, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case "pdf":
      return { body: await renderPdf(buildReportDocument(data)), contentType, fileName };
    case "docx":
      return { body: await renderDocx(buildReportDocument(data)), contentType, fileName };
    case "xlsx":
      return { body: await renderXlsx(data, reportHeading(data)), contentType, fileName };
    case "csv":
      return { body: Buffer.from(renderCsv(data), "utf8"), contentType, fileName };
    case "json":
      return { body: Buffer.from(renderJson(data), "utf8"), contentType, fileName };
  }
}
