import bidiFactory from "bidi-js";

/**
 * Right-to-left text for the PDF and the chart images, which place glyphs themselves. A line
 * is split into runs of one direction in visual order (the Unicode Bidirectional Algorithm,
 * from bidi-js), and each run into pieces of one font: Arabic letters in Noto Sans Arabic,
 * shaped by fontkit, everything else (digits, Latin, punctuation) in the report font. Shaping
 * each run on its own matters: fontkit reverses a whole Arabic run, so "عام 2021" shaped in one
 * piece would print the year as 1202.
 */

export type Direction = "ltr" | "rtl";

/** Hebrew, Arabic, Syriac, Thaana, N'Ko… and the Arabic presentation forms: strong right-to-left. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Letters drawn with the Arabic font. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;

export const hasRtl = (text: string): boolean => RTL.test(text);
export const hasArabic = (text: string): boolean => ARABIC.test(text);

/** Bidi controls and other default-ignorable characters, which have no glyph and no width. */
export function isIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x61c ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff
  );
}

let bidi: ReturnType<typeof bidiFactory> | null = null;
const algorithm = () => (bidi ??= bidiFactory());

/** A run of one direction: `text.slice(start, end)`, read in logical order. */
export type DirectionRun = { start: number; end: number; rtl: boolean };

/**
 * The runs of one line in visual order, left to right. Text with nothing right-to-left in a
 * left-to-right line is one run, without running the algorithm.
 */
export function visualRuns(text: string, direction: Direction): DirectionRun[] {
  if (!text) return [];
  if (direction === "ltr" && !RTL.test(text)) return [{ start: 0, end: text.length, rtl: false }];
  const embedding = algorithm().getEmbeddingLevels(text, direction);
  // Positions in visual order, reordered by bidi-js (rules L1 and L2).
  const order = Array.from({ length: text.length }, (_, index) => index);
  for (const segment of algorithm().getReorderSegments(text, embedding)) {
    const [start, end] = segment as [number, number];
    const reversed = order.slice(start, end + 1).reverse();
    order.splice(start, reversed.length, ...reversed);
  }
  // A run: positions next to each other in the text and on the line, at one level.
  const { levels } = embedding;
  const runs: DirectionRun[] = [];
  for (let i = 0; i < order.length;) {
    const first = order[i]!;
    const rtl = (levels[first]! & 1) === 1;
    const step = rtl ? -1 : 1;
    let j = i + 1;
    while (j < order.length && order[j] === order[j - 1]! + step && levels[order[j]!] === levels[first]) j++;
    const last = order[j - 1]!;
    runs.push(rtl ? { start: last, end: first + 1, rtl } : { start: first, end: last + 1, rtl });
    i = j;
  }
  return runs;
}

/** Quotation marks, ellipsis and middle dot, which Noto Sans SC draws a full em wide, as Chinese sets them. */
const FULL_WIDTH_PUNCTUATION = /[\u2018\u2019\u201C\u201D\u2026\u00B7]/;

/** A piece of one font: `arabic` pieces are drawn with Noto Sans Arabic, shaped; others with the report font. */
export type FontPiece = { text: string; arabic: boolean };

/**
 * Splits text (in logical order) where it changes between Arabic letters and anything else;
 * spaces between Arabic words go with them (drawn as wide as the report font's, so that a line
 * measures the same word by word and drawn whole). With `proportionalPunctuation` (any language but
 * Chinese), quotation marks and the like come from Noto Sans Arabic too, whose Latin
 * punctuation is proportional: French "l’échéance" would otherwise show a gap after the apostrophe.
 */
export function fontPieces(text: string, proportionalPunctuation = false): FontPiece[] {
  const other = proportionalPunctuation && FULL_WIDTH_PUNCTUATION.test(text);
  if (!other && !ARABIC.test(text)) return [{ text, arabic: false }];
  // By UTF-16 unit: every character tested here is in the Basic Multilingual Plane.
  const second = (code: number) =>
    isArabicCode(code) || (other && (code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d || code === 0x2026 || code === 0xb7));
  const pieces: FontPiece[] = [];
  let start = 0;
  let current = second(text.charCodeAt(0));
  for (let i = 1; i <= text.length; i++) {
    let arabic = i < text.length ? second(text.charCodeAt(i)) : !current;
    // A space between two Arabic words stays in the Arabic piece: a phrase is drawn as one string.
    if (i < text.length && current && text.charCodeAt(i) === 0x20) {
      let next = i + 1;
      while (text.charCodeAt(next) === 0x20) next++;
      arabic = next < text.length && isArabicCode(text.charCodeAt(next));
    }
    if (arabic !== current) {
      pieces.push({ text: text.slice(start, i), arabic: current });
      start = i;
      current = arabic;
    }
  }
  return pieces;
}

/** The code ranges of ARABIC, for a loop that tests character by character. */
function isArabicCode(code: number): boolean {
  return (
    (code >= 0x600 && code <= 0x6ff) ||
    (code >= 0x750 && code <= 0x77f) ||
    (code >= 0x870 && code <= 0x8ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

/** The mirror image of a bracket or other mirrored character, for right-to-left runs. */
export function mirror(char: string): string {
  return algorithm().getMirroredCharacter(char) ?? char;
}
