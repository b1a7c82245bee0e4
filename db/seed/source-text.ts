import path from "node:path";

/**
 * Parser for the extracted Chinese text of E/2022/13 (see ./source/README.md).
 * Pure: no DB, no Next.js; reading the file is left to the caller.
 */

/** The report's text, kept in the repository so that a clone alone can check every quote. */
export const SOURCE_TEXT_PATH = process.env.REPORT_SOURCE_PATH ?? path.resolve(import.meta.dirname, "source/E-2022-13.zh.txt");

export interface ParsedReport {
  /** Paragraph number (1–83) → its text, newlines removed, footnote blocks / link lines / page headers excluded. */
  paragraphs: Map<number, string>;
  /**
   * Paragraph number → its text cut where a page break falls inside it (a page's footnote block,
   * link lines and header sit between the pieces). Joined, the pieces are the paragraph's text.
   */
  segments: Map<number, string[]>;
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
  const segments = new Map<number, string[]>();
  /** A page break (footnote block, link lines or page header) since the last body line. */
  let pageBreak = false;

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
      pageBreak = true;
      mode = "footnotes";
      currentFootnote = null;
      continue;
    }
    if (LINK_LINE.test(line.trim()) && /^https?:\/\//.test(line)) {
      links.push(line.trim());
      pageBreak = true;
      mode = "links";
      continue;
    }
    if (PAGE_HEADER.test(line)) {
      pageBreak = true;
      continue;
    }

    const nextParagraph: number = (currentParagraph ?? 0) + 1;
    const paragraphStart = PARAGRAPH_START.exec(line);
    if (paragraphStart && Number(paragraphStart[1]) === nextParagraph) {
      mode = "body";
      currentParagraph = nextParagraph;
      const text = line.replace(/^\s*\d{1,2}\.\s*/, "");
      paragraphs.set(nextParagraph, text);
      segments.set(nextParagraph, [text]);
      pageBreak = false;
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
    if (currentParagraph !== null) {
      append(paragraphs, currentParagraph, line);
      const pieces = segments.get(currentParagraph) ?? [];
      if (pageBreak || pieces.length === 0) pieces.push(line);
      else pieces[pieces.length - 1] += line;
      segments.set(currentParagraph, pieces);
    }
    pageBreak = false;
  }

  return { paragraphs, segments, footnotes, links };
}

/** Remove all whitespace, so quotes compare independently of PDF line wraps and spacing. */
export function normalizeForQuote(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** The marker of a join in a quote (where it runs across a page break's footnote block). */
export const QUOTE_JOIN = "…";

/**
 * Whether `quote` occurs in a paragraph given as its page-break `segments` (whitespace ignored).
 * Without "…", the quote lies within one segment. With it, the quote runs across page breaks:
 * the first part ends a segment, the last begins the one after the last break, and any part in
 * between is a whole segment, so nothing is left out. A quote that runs across a page break
 * without marking the join is not found.
 */
export function quoteInSegments(segments: string[], quote: string): boolean {
  const parts = quote.split(QUOTE_JOIN).map(normalizeForQuote);
  if (parts.some((part) => part.length === 0)) return false;
  const whole = segments.map(normalizeForQuote);
  if (parts.length === 1) return whole.some((segment) => segment.includes(parts[0]!));
  return whole.some((_, first) => {
    if (first + parts.length > whole.length) return false;
    return parts.every((part, i) => {
      const segment = whole[first + i]!;
      if (i === 0) return segment.endsWith(part);
      if (i === parts.length - 1) return segment.startsWith(part);
      return segment === part;
    });
  });
}

/** Whether `quote` occurs in `haystack`, ignoring all whitespace. */
export function containsQuote(haystack: string, quote: string): boolean {
  const q = normalizeForQuote(quote);
  return q.length > 0 && normalizeForQuote(haystack).includes(q);
}
