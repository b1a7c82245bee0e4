import { AppError } from "@/lib/errors";
import { toPlainText } from "@/lib/domain/plain-text";
import { invalidParam } from "@/lib/validation/english-reasons";

/**
 * The text of an uploaded report: plain text as is, PDF through pdfjs-dist (one line per text
 * line of the page, pages in order, so the reader sees the layout it expects), Word through
 * mammoth's raw text. See docs/decisions/014-report-ingestion.md.
 */
export type IngestFormat = "txt" | "pdf" | "docx";

export function formatOf(filename: string): IngestFormat | null {
  const ext = filename.toLowerCase().split(".").at(-1);
  return ext === "txt" || ext === "pdf" || ext === "docx" ? ext : null;
}

async function pdfText(data: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    let line = "";
    const lines: string[] = [];
    for (const item of content.items) {
      if (!("str" in item)) continue;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = "";
      }
    }
    if (line) lines.push(line);
    pages.push(lines.join("\n"));
  }
  await pdf.destroy();
  return pages.join("\n");
}

async function docxText(data: Uint8Array): Promise<string> {
  const mammoth = await import("mammoth");
  const result = await mammoth.extractRawText({ buffer: Buffer.from(data) });
  return result.value;
}

async function rawText(data: Uint8Array, format: IngestFormat): Promise<string> {
  try {
    if (format === "pdf") return await pdfText(data);
    if (format === "docx") return await docxText(data);
    return new TextDecoder("utf-8", { fatal: true }).decode(data).replace(/^\uFEFF/, "");
  } catch {
    throw new AppError("unprocessable", `The file could not be read as ${format}.`, [invalidParam("file", "unreadableFile")]);
  }
}

/**
 * The file's text as stored text may hold it: page and line feeds end a line, and any other
 * control character becomes U+FFFD, so a stray byte in a file neither breaks the stored
 * paragraphs nor reaches a database that refuses it (PostgreSQL and NUL).
 */
export async function extractText(data: Uint8Array, format: IngestFormat): Promise<string> {
  return toPlainText((await rawText(data, format)).replace(/[\f\v\u0085\u2028\u2029]/g, "\n"));
}
