import path from "node:path";

/**
 * Parser for the extracted Chinese text of E/2022/13 (see ./source/README.md).
 * Pure: no DB, no Next.js; reading the file is left to the caller.
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

/** The line of underscores that opens a page's footnote block. */
const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
/** A link line: a bare URL on its own line (they follow each page's footnotes). */
const LINK_LINE = /^https?:\/\/\S+\s*$/;
/** Page headers and footers, e.g. "E/2022/13" and "7/16 22-04591". */
const PAGE_HEADER = /^\s*(E\/2022\/13|\d{1,2}\/16\s+22-04591|22-04591\s+\d{1,2}\/16)\s*$/;
/** "27. 2019 年，…" — a numbered paragraph start (checked against the expected next number). */
const PARAGRAPH_START = /^\s*(\d{1,2})\.\s*(.*)$/;
/** " 15 见 https://…" or " 34可查阅…" — a footnote start is indented, continuation lines are not. */
const FOOTNOTE_START = /^\s+(\d{1,2})\s*(\S.*)$/;

/**
 * Split the report into numbered paragraphs and footnotes.
 *
 * Paragraph and footnote numbers must appear in sequence (1, 2, 3 …), which keeps wrapped
 * lines that happen to start with digits (e.g. "2021.HLCM_.6…" inside a footnote URL, or
 * "54、55、57…") from being mistaken for new entries.
 */
export function parseReport(text: string): ParsedReport {
  const paragraphs = new Map<number, string>();
  const footnotes = new Map<number, string>();
  const links: string[] = [];

  let mode: "body" | "footnotes" | "links" = "body";
  let currentParagraph: number | null = null;
  let currentFootnote: number | null = null;

  const append = (map: Map<number, string>, key: number, line: string) => {
    map.set(key, (map.get(key) ?? "") + line);
  };

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\r$/, "");
    if (line.trim() === "") continue;

    if (FOOTNOTE_RULE.test(line)) {
      mode = "footnotes";
      currentFootnote = null;
      continue;
    }
    if (LINK_LINE.test(line.trim()) && /^https?:\/\//.test(line)) {
      links.push(line.trim());
      mode = "links";
      continue;
    }
    if (PAGE_HEADER.test(line)) continue;

    const nextParagraph: number = (currentParagraph ?? 0) + 1;
    const paragraphStart = PARAGRAPH_START.exec(line);
    if (paragraphStart && Number(paragraphStart[1]) === nextParagraph) {
      mode = "body";
      currentParagraph = nextParagraph;
      paragraphs.set(nextParagraph, line.replace(/^\s*\d{1,2}\.\s*/, ""));
      continue;
    }

    if (mode === "footnotes") {
      const nextFootnote: number = footnotes.size + 1;
      const footnoteStart = FOOTNOTE_START.exec(line);
      if (footnoteStart && Number(footnoteStart[1]) === nextFootnote) {
        currentFootnote = nextFootnote;
        footnotes.set(nextFootnote, footnoteStart[2] ?? "");
      } else if (currentFootnote !== null) {
        append(footnotes, currentFootnote, line);
      }
      continue;
    }

    // Body text (or the first body line after a page's link lines): continues the current paragraph.
    mode = "body";
    if (currentParagraph !== null) append(paragraphs, currentParagraph, line);
  }

  return { paragraphs, footnotes, links };
}

/** Remove all whitespace, so quotes compare independently of PDF line wraps and spacing. */
export function normalizeForQuote(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** Whether `quote` occurs in `haystack`, ignoring all whitespace. */
export function containsQuote(haystack: string, quote: string): boolean {
  const q = normalizeForQuote(quote);
  return q.length > 0 && normalizeForQuote(haystack).includes(q);
}
