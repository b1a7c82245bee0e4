import path from "node:path";
import { containsQuote, normalizeForQuote, readReport } from "../../lib/ingest/reader";

/**
 * The extracted Chinese text of E/2022/13 (see ./source/README.md), read by the ingestion reader.
 */

/** The report's text, kept in the repository so that a clone alone can check every quote. */
export const SOURCE_TEXT_PATH =
  process.env.REPORT_SOURCE_PATH ?? path.resolve(import.meta.dirname, "source/E-2022-13.zh.txt");

export interface ParsedReport {
  /** Paragraph number (1–83) → its text, newlines removed, footnote blocks / link lines / page headers excluded. */
  paragraphs: Map<number, string>;
  /** Footnote number (1–41) → its text, newlines removed. */
  footnotes: Map<number, string>;
  /** The link lines (`https://undocs.org/ch/...` etc.) printed after each page's footnotes. */
  links: string[];
}

/**
 * Split the report into numbered paragraphs and footnotes: the ingestion reader
 * (lib/ingest/reader.ts) in the shape the seed's checks use.
 */
export function parseReport(text: string): ParsedReport {
  const read = readReport(text);
  return {
    paragraphs: new Map(read.paragraphs.map((p) => [p.number, p.text])),
    footnotes: read.footnotes,
    links: read.links,
  };
}

export { containsQuote, normalizeForQuote };
