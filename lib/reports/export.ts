import "server-only";
import { sanitizeDeep } from "@/lib/domain/plain-text";
import { buildReportDocument, reportHeading } from "./document";
import { type ReportFormat, reportFileName } from "./options";
import type { ReportData } from "./report-data";

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

export type RenderedReport = { body: Buffer; contentType: string; fileName: string };

/**
 * Renders one format of a report from its data. Each renderer (pdfkit and the fonts, docx,
 * exceljs) is imported when its format is first asked for, so a server that only serves pages
 * never loads them. Every text is passed through `sanitizeDeep` first: validation keeps control
 * characters and non-characters out of the database, and this second guard keeps any that got in
 * some other way out of the files (XML cannot hold them).
 */
export async function renderReport(unsafe: ReportData, format: ReportFormat): Promise<RenderedReport> {
  const data = sanitizeDeep(unsafe);
  const fileName = reportFileName(data.year, data.lang, format);
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case "pdf": {
      const { renderPdf } = await import("./render/pdf");
      return { body: await renderPdf(buildReportDocument(data)), contentType, fileName };
    }
    case "docx": {
      const { renderDocx } = await import("./render/docx");
      return { body: await renderDocx(buildReportDocument(data)), contentType, fileName };
    }
    case "xlsx": {
      const { renderXlsx } = await import("./render/xlsx");
      return { body: await renderXlsx(data, reportHeading(data)), contentType, fileName };
    }
    case "csv": {
      const { renderCsv } = await import("./render/tabular");
      return { body: Buffer.from(renderCsv(data), "utf8"), contentType, fileName };
    }
    case "json": {
      const { renderJson } = await import("./render/tabular");
      return { body: Buffer.from(renderJson(data), "utf8"), contentType, fileName };
    }
  }
}
