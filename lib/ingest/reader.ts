/**
 * Reads the extracted text of a UN report into its numbered paragraphs, footnotes and headings,
 * undoing what the page layout put in between: page headers and footers, the footnote block at
 * the foot of each page (with its link lines) and the line wraps inside a paragraph. Pure and
 * script-neutral: the same rules read the Chinese and the English text.
 */

export interface ReportParagraph {
  number: number;
  /** The paragraph's text with its line wraps undone (CJK lines joined without a space). */
  text: string;
  /** The headings in force where the paragraph stands, outermost first (section, then sub-heading). */
  headings: string[];
  /** Footnote markers in the text: the footnote's number and the offset just after the marker. */
  footnoteRefs: { footnote: number; offset: number }[];
}

export interface ReadReport {
  paragraphs: ReportParagraph[];
  /** Footnote number → its text. */
  footnotes: Map<number, string>;
  /** The bare link lines printed after each page's footnotes. */
  links: string[];
}

/** The line of underscores that opens a page's footnote block. */
const FOOTNOTE_RULE = /^\s*_{5,}\s*$/;
/** A bare URL on its own line (each page's links follow its footnotes). */
const LINK_LINE = /^https?:\/\/\S+$/;
/** Page headers and footers: the symbol alone ("E/2022/13"), "7/16 22-04591", "22-04591 7/16", "22-04591". */
const PAGE_FURNITURE = [
  /^[A-Z]{1,6}(\/[A-Z0-9.]+)*\/\d{4}\/[\w.]+(\/[\w.]+)*$/,
  /^\d{1,3}\/\d{1,3}\s+\d{2}-\d{5}(\s*\(\w\))?$/,
  /^\d{2}-\d{5}(\s*\(\w\))?(\s+\d{1,3}\/\d{1,3})?$/,
];
/** "27. 2019 年，…" / "27. In 2019, …": a numbered paragraph (accepted only as the next number). */
const PARAGRAPH_START = /^\s*(\d{1,3})\.\s*(.*)$/;
/** " 15 见 https://…": a footnote is indented and numbered; continuation lines are not. */
const FOOTNOTE_START = /^\s+(\d{1,3})\s*(\S.*)$/;
/** A Chinese or English section heading: "二. 冠状病毒病…", "II. COVID-19…", "A. Root causes…". */
const SECTION_HEADING = /^\s*([一二三四五六七八九十]+|[IVXL]+|[A-H])\.\s+\S/u;
/** Where a paragraph's text has reached the end of a sentence (a footnote marker may follow). */
const SENTENCE_END = /[。.!?！？；;:：”"」)）]\s*\d{0,3}\s*$/u;
/** Characters after which (or before which) a line wrap is not a space: CJK text and full-width punctuation. */
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’]/u;

/** Joins a wrapped line to the text before it: no space between CJK characters, one elsewhere. */
export function joinWrapped(before: string, line: string): string {
  const left = before.replace(/\s+$/u, "");
  const right = line.replace(/^\s+/u, "");
  if (!left) return right;
  if (!right) return left;
  if (left.endsWith("-") && /[a-z]$/i.test(left.slice(0, -1)) && /^[a-z]/.test(right)) return left.slice(0, -1) + right;
  const joinTight = CJK.test(left.at(-1)!) || CJK.test(right[0]!);
  return joinTight ? left + right : `${left} ${right}`;
}

function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return PAGE_FURNITURE.some((pattern) => pattern.test(trimmed));
}

const FOOTNOTE_MARKER = /(?<=[\u2E80-\u9FFF。，；：、）)”"’.,;:a-z])(\d{1,3})(?=\s|[\u2E80-\u9FFF（(“]|$)/gu;

/**
 * Numbers that run 1, 2, 3 … after full stops in one paragraph are a flattened list (a figure's
 * items), not footnote markers.
 */
function listNumberOffsets(text: string): Set<number> {
  const afterStop = [...text.matchAll(/(?<=[。；.;])\s*(\d{1,2})(?=\s|[\u2E80-\u9FFF])/gu)].map((m) => ({
    n: Number(m[1]),
    offset: m.index + m[0].length,
  }));
  const excluded = new Set<number>();
  let run: typeof afterStop = [];
  const close = () => {
    if (run.length >= 3) for (const item of run) excluded.add(item.offset);
    run = [];
  };
  for (const item of afterStop) {
    if (run.length && item.n !== run.at(-1)!.n + 1) close();
    run.push(item);
  }
  close();
  return excluded;
}

/**
 * Places each footnote's marker (a superscript flattened into the text, e.g. "准则。3" or
 * "ethics.15"): the first candidate after the previous marker and no later than the paragraph
 * open when the footnote was printed at the foot of its page.
 */
function placeFootnoteRefs(paragraphs: ReportParagraph[], anchors: Map<number, number>): void {
  const index = new Map(paragraphs.map((p, i) => [p.number, i]));
  const lists = paragraphs.map((p) => listNumberOffsets(p.text));
  let from = { paragraph: 0, offset: 0 };
  for (const [footnote, anchor] of [...anchors].sort((a, b) => a[0] - b[0])) {
    let found: { paragraph: number; offset: number } | null = null;
    for (let i = from.paragraph; !found && i <= (index.get(anchor) ?? paragraphs.length - 1); i++) {
      for (const match of paragraphs[i]!.text.matchAll(FOOTNOTE_MARKER)) {
        const offset = match.index + match[1]!.length;
        if (Number(match[1]) !== footnote || lists[i]!.has(offset)) continue;
        if (i === from.paragraph && offset <= from.offset) continue;
        found = { paragraph: i, offset };
        break;
      }
    }
    if (!found) continue;
    paragraphs[found.paragraph]!.footnoteRefs.push({ footnote, offset: found.offset });
    from = found;
  }
}

export function readReport(text: string): ReadReport {
  const paragraphs: ReportParagraph[] = [];
  const footnotes = new Map<number, string>();
  const links: string[] = [];
  /** Footnote → the paragraph open when it was printed. */
  const anchors = new Map<number, number>();

  let mode: "front" | "body" | "footnotes" = "front";
  let current: { number: number; text: string; headings: string[] } | null = null;
  let currentFootnote: number | null = null;
  let section: string | null = null;
  let subheading: string | null = null;
  /** Lines after a finished sentence: a heading if a new paragraph follows, else more of the paragraph. */
  let pending: string[] = [];

  const headingsNow = () => [section, subheading].filter((h): h is string => h !== null);
  const flushPendingInto = () => {
    if (current) for (const line of pending) current.text = joinWrapped(current.text, line);
    pending = [];
  };
  const closeParagraph = () => {
    if (!current) return;
    paragraphs.push({ ...current, text: current.text.trim(), footnoteRefs: [] });
    current = null;
  };

  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/\s+$/u, "");
    if (line.trim() === "") continue;
    if (FOOTNOTE_RULE.test(line)) {
      mode = "footnotes";
      currentFootnote = null;
      continue;
    }
    if (LINK_LINE.test(line.trim())) {
      links.push(line.trim());
      // The page's links close its footnote block: what follows is the next page's text.
      if (mode === "footnotes") mode = "body";
      continue;
    }
    if (isFurniture(line)) continue;

    const start = PARAGRAPH_START.exec(line);
    const expected: number = (current?.number ?? paragraphs.at(-1)?.number ?? 0) + 1;
    if (start && Number(start[1]) === expected) {
      // Lines held back since the last full stop were headings.
      let sub: string | null = null;
      for (const heading of pending) {
        if (SECTION_HEADING.test(heading)) {
          section = heading;
          sub = null;
        } else sub = joinWrapped(sub ?? "", heading);
      }
      if (pending.length) subheading = sub;
      pending = [];
      closeParagraph();
      current = { number: expected, text: start[2] ?? "", headings: headingsNow() };
      mode = "body";
      continue;
    }

    if (mode === "footnotes") {
      const footnoteStart = FOOTNOTE_START.exec(line);
      const nextFootnote = (footnotes.size ? Math.max(...footnotes.keys()) : 0) + 1;
      if (footnoteStart && Number(footnoteStart[1]) === nextFootnote) {
        currentFootnote = nextFootnote;
        footnotes.set(nextFootnote, footnoteStart[2]!.trim());
        anchors.set(nextFootnote, current?.number ?? paragraphs.at(-1)?.number ?? 0);
      } else if (currentFootnote !== null) {
        footnotes.set(currentFootnote, joinWrapped(footnotes.get(currentFootnote)!, line));
      }
      continue;
    }

    if (mode === "front" || !current) {
      // Before the first paragraph: a section heading starts the headings afresh, short lines after it are sub-headings.
      if (SECTION_HEADING.test(line)) pending = [line.trim()];
      else if (pending.length && line.trim().length <= 80 && !/[，。,.;；:：]$/u.test(line)) pending.push(line.trim());
      else pending = [];
      continue;
    }
    const headingLike =
      SECTION_HEADING.test(line) ||
      ((/^\s/.test(line) || pending.length > 0) && SENTENCE_END.test(current.text) && !/[，。,.;；:：]$/u.test(line) && line.trim().length <= 80);
    if (headingLike) {
      pending.push(line.trim());
      continue;
    }
    flushPendingInto();
    current.text = joinWrapped(current.text, line);
  }
  // The last paragraph keeps nothing held back (a trailing heading or signature is not its text).
  closeParagraph();

  placeFootnoteRefs(paragraphs, anchors);
  return { paragraphs, footnotes, links };
}

/** Remove all whitespace, so quotes compare independently of line wraps and spacing. */
export function normalizeForQuote(s: string): string {
  return s.replace(/\s+/gu, "");
}

/** Whether `quote` occurs in `haystack`, ignoring all whitespace. */
export function containsQuote(haystack: string, quote: string): boolean {
  const q = normalizeForQuote(quote);
  return q.length > 0 && normalizeForQuote(haystack).includes(q);
}
