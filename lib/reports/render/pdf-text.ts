import "server-only";
import LineBreaker from "linebreak";
import { type Direction, type DirectionRun, fontPieces, hasRtl, isIgnorable, mirror, visualRuns } from "./bidi";
import {
  type EmbeddedFont,
  type FormXObject,
  type LaidOutGlyph,
  selectFont,
  subsetGlyph,
  addFontToPage,
  addXObjectToPage,
  writeFormXObject,
} from "./pdfkit-internals";

/**
 * Fast text for pdfkit. pdfkit's own `text()` runs a Unicode line breaker, option handling and
 * OpenType shaping (fontkit) for every call, which made a 10,000-milestone report take over
 * fifteen seconds. Here each character of Latin, Cyrillic and Chinese text maps straight to its
 * glyph through the font's cmap (they need no shaping; only kerning is given up), widths are
 * cached, lines are broken once, and each line is written as few text operators. Arabic is the
 * exception: its letters join, so each Arabic word is shaped by fontkit (cached) in the Arabic
 * font, and lines are put in visual order by the bidirectional algorithm (see bidi.ts). The
 * glyphs still go through pdfkit's font subset, so only used glyphs are embedded and text stays
 * searchable (ToUnicode).
 */

type CachedGlyph = { id: number; advance: number; codePoint: number };
/**
 * A glyph as placed, in 1/1000 em: its advance, and an offset for a mark set on its base.
 * `mark` is a dot the font added to a letter's skeleton (ب is a dotless skeleton plus a dot):
 * it stands for no text of its own, so it is drawn as a shape, not as text.
 */
type PlacedGlyph = { id: number; codePoints: number[]; advance: number; own: number; dx: number; dy: number; mark?: LaidOutGlyph; gid?: number };

/** A text style; `font` is the name a font was registered under in the document. */
export type Style = { font: string; size: number; color: string; href?: string };
export type Span = { text: string; style: Style };
export type LinePiece = { text: string; style: Style; x: number; width: number };
export type Line = { pieces: LinePiece[]; width: number };

/** The name the Arabic face of a registered font is registered under (see registerReportFonts). */
export const arabicFontName = (font: string) => `A${font}`;

/**
 * A place a line may break: before UTF-16 index `position`; `required` after a line feed. An
 * `emergency` one is taken only in a word too wide for a line (see isEmergencyBreak).
 */
type Opportunity = { position: number; required: boolean; emergency: boolean };

/**
 * A break after a solidus ("A/RES/76/216", a URL), or after a hyphen in a word with a solidus
 * (a URL), which UAX #14 allows: a document symbol stays whole as UN documents keep it, and a URL
 * moves to the next line whole unless it is wider than a line, then breaks there.
 */
function isEmergencyBreak(text: string, position: number): boolean {
  const before = text.charCodeAt(position - 1);
  if (before === 0x2f) return true;
  if (before !== 0x2d) return false;
  const solidus = text.lastIndexOf("/", position - 1);
  return solidus >= 0 && !/\s/.test(text.slice(solidus, position));
}
const CURLY_QUOTE = /[\u2018\u2019\u201C\u201D]/;
/** Wide (East Asian) characters: ideographs, kana, CJK and full-width punctuation. */
const EAST_ASIAN = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const IDEOGRAPH = "\u4E00";

/**
 * linebreak implements UAX #14 before Unicode 15.1, where curly quotation marks are ambiguous
 * and never break on either side, so "第 33 段。“数字…" could only break at the space before
 * "段". 15.1's rule LB19a lets them break between East Asian characters: before an opening mark
 * and after a closing one, wherever an ideograph in its place could break (asked of linebreak).
 */
function withEastAsianQuoteBreaks(text: string, found: Opportunity[]): Opportunity[] {
  const breaksBetween = (pair: string) => new LineBreaker(pair).nextBreak()?.position === 1;
  const added: Opportunity[] = [];
  for (let i = 1; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    const before = text[i - 1]!;
    const after = text[i + 1]!;
    if ((code === 0x201c || code === 0x2018) && EAST_ASIAN.test(before) && EAST_ASIAN.test(after) && breaksBetween(before + IDEOGRAPH)) {
      added.push({ position: i, required: false, emergency: false });
    } else if ((code === 0x201d || code === 0x2019) && EAST_ASIAN.test(before) && EAST_ASIAN.test(after) && breaksBetween(IDEOGRAPH + after)) {
      added.push({ position: i + 1, required: false, emergency: false });
    }
  }
  if (!added.length) return found;
  const known = new Set(found.map((opportunity) => opportunity.position));
  return [...found, ...added.filter((opportunity) => !known.has(opportunity.position))].sort((a, b) => a.position - b.position);
}

/** Spaces that end a unit of wrap(): none drawn at the end of a line, one space's width inside it. */
const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
/** Noto Sans SC has no narrow no-break space (French digit groups); a no-break space stands in. */
const NARROW_NBSP = 0x202f;

/** A glyph id as the two bytes of an Identity-H string, escaped for a PDF literal string. */
const glyphBytesCache: string[] = [];
function glyphBytes(gid: number): string {
  let bytes = glyphBytesCache[gid];
  if (bytes === undefined) {
    bytes = [gid >> 8, gid & 255]
      .map((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? "\\r" : String.fromCharCode(b)))
      .join("");
    glyphBytesCache[gid] = bytes;
  }
  return bytes;
}

/** Positions to a hundredth of a point, which no eye or printer tells apart from finer ones. */
const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

export class PdfText {
  private readonly widths = new Map<string, Map<string, number>>();
  private readonly glyphCache = new Map<string, Map<number, CachedGlyph>>();
  private readonly shaped = new Map<string, PlacedGlyph[]>();
  /** Subset glyph ids of shaped glyphs, by font, glyph and the text it stands for. */
  private readonly subsetIds = new Map<string, Map<string, number>>();
  private readonly colors = new Map<string, string>();
  private readonly pending: string[] = [];
  private inText = false;
  /** Where the last string of the current text object was placed (its line matrix). */
  private origin: [number, number] | null = null;
  private textState = "";

  /**
   * `direction` is the document's: a right-to-left document orders every line from the right.
   * `cjk` documents keep the report font's full-width quotation marks (see fontPieces).
   */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly direction: Direction = "ltr",
    private readonly cjk = false,
  ) {}

  private use(fontName: string): EmbeddedFont {
    return selectFont(this.doc, fontName);
  }

  /** Glyphs of one font file, by code point; advances in 1/1000 em. */
  private glyphs(fontName: string): { font: EmbeddedFont; map: Map<number, CachedGlyph> } {
    const font = this.use(fontName);
    let map = this.glyphCache.get(fontName);
    if (!map) this.glyphCache.set(fontName, (map = new Map()));
    return { font, map };
  }

  private glyph(font: EmbeddedFont, map: Map<number, CachedGlyph>, codePoint: number): CachedGlyph {
    let glyph = map.get(codePoint);
    if (!glyph) {
      const found = font.font.glyphForCodePoint(codePoint === NARROW_NBSP ? 0xa0 : codePoint);
      glyph = { id: found.id, advance: found.advanceWidth * font.scale, codePoint };
      map.set(codePoint, glyph);
    }
    return glyph;
  }

  /**
   * An Arabic word shaped by fontkit, in visual order: joined forms, ligatures, marks placed on
   * their letters. Cached: a report repeats its words.
   */
  private shape(text: string, baseFont: string, rtl: boolean): { font: EmbeddedFont; glyphs: PlacedGlyph[] } {
    const fontName = arabicFontName(baseFont);
    const key = `${fontName}|${rtl ? "r" : "l"}|${text}`;
    let glyphs = this.shaped.get(key);
    if (!glyphs) {
      // Spaces as wide as the report font's, as wrap() measured them.
      const base = this.glyphs(baseFont);
      const space = this.glyph(base.font, base.map, 0x20).advance;
      const font = this.use(fontName);
      const run = font.font.layout(text, [], "arab", undefined, rtl ? "rtl" : "ltr");
      glyphs = run.glyphs.map((glyph, index) => {
        const position = run.positions[index]!;
        return {
          id: glyph.id,
          codePoints: glyph.codePoints,
          advance: glyph.codePoints.length === 1 && glyph.codePoints[0] === 0x20 ? space : position.xAdvance * font.scale,
          own: glyph.advanceWidth * font.scale,
          dx: position.xOffset * font.scale,
          dy: position.yOffset * font.scale,
          mark: glyph.codePoints.length ? undefined : glyph,
        };
      });
      // fontkit gives a decomposed letter the code point of its skeleton (ز reads as ر); when
      // the glyphs account for every character, each takes its own characters from the text.
      const source = [...text].map((char) => char.codePointAt(0)!);
      const logical = rtl ? [...glyphs].reverse() : glyphs;
      if (logical.reduce((sum, glyph) => sum + glyph.codePoints.length, 0) === source.length) {
        let next = 0;
        for (const glyph of logical) glyph.codePoints = source.slice(next, (next += glyph.codePoints.length));
      }
      if (this.shaped.size < 20_000) this.shaped.set(key, glyphs);
    }
    return { font: this.use(fontName), glyphs };
  }

  /**
   * The subset glyph id for a shaped glyph standing for `codePoints`. A PDF maps each glyph id
   * to one text, but Noto Sans Arabic draws several letters with one glyph plus dots (ب ت ث
   * share a skeleton): a second letter on the same glyph gets a copy of it, so that copied and
   * searched text reads the right letters.
   */
  private subsetId(font: EmbeddedFont, glyph: PlacedGlyph): number {
    let ids = this.subsetIds.get(font.id);
    if (!ids) this.subsetIds.set(font.id, (ids = new Map()));
    const key = `${glyph.id}|${glyph.codePoints.join(",")}`;
    let gid = ids.get(key);
    if (gid !== undefined) return gid;
    gid = subsetGlyph(font, glyph.id, glyph.codePoints, glyph.own, true);
    ids.set(key, gid);
    return gid;
  }

  /** Width of a string in points, cached per font and string. */
  width(text: string, style: Style): number {
    let cache = this.widths.get(style.font);
    if (!cache) this.widths.set(style.font, (cache = new Map()));
    let unit = cache.get(text);
    if (unit === undefined) {
      unit = 0;
      for (const piece of fontPieces(text, !this.cjk)) {
        if (piece.arabic) {
          for (const glyph of this.shape(piece.text, style.font, true).glyphs) unit += glyph.advance;
          continue;
        }
        const { font, map } = this.glyphs(style.font);
        for (const char of piece.text) {
          const codePoint = char.codePointAt(0)!;
          if (!isIgnorable(codePoint)) unit += this.glyph(font, map, codePoint).advance;
        }
      }
      unit /= 1000;
      cache.set(text, unit);
    }
    return unit * style.size;
  }

  private readonly breaks = new Map<string, Opportunity[]>();

  /** Break opportunities in `text` (see Opportunity), cached: cells, labels and dates repeat through a report. */
  private breaksOf(text: string): Opportunity[] {
    let found = this.breaks.get(text);
    if (found) return found;
    found = [];
    const breaker = new LineBreaker(text);
    for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
      const { position, required } = next;
      found.push({ position, required, emergency: position < text.length && isEmergencyBreak(text, position) });
    }
    if (CURLY_QUOTE.test(text) && EAST_ASIAN.test(text)) found = withEastAsianQuoteBreaks(text, found);
    if (this.breaks.size < 50_000) this.breaks.set(text, found);
    return found;
  }

  /**
   * Breaks styled spans into lines of at most `width` points. Break opportunities are the
   * Unicode line breaking algorithm's (UAX #14, from linebreak), over the spans' text as one
   * string: between Chinese characters but not before a closing mark, after spaces but not at a
   * no-break space, after a hyphen. A word longer than the line is split by characters.
   */
  wrap(spans: Span[], width: number): Line[] {
    // A unit never breaks inside: the text between two break opportunities, in one or more styles.
    type Part = { text: string; style: Style; width: number };
    type Unit = { parts: Part[]; width: number; trailing: number; required: boolean; emergency: boolean };
    const units: Unit[] = [];
    const text = spans.length === 1 ? spans[0]!.text : spans.map((span) => span.text).join("");
    let span = 0;
    let spanStart = 0;
    /** The span holding the character at `offset`. */
    const spanAt = (offset: number): Span => {
      while (spanStart + spans[span]!.text.length <= offset) spanStart += spans[span++]!.text.length;
      return spans[span]!;
    };
    let start = 0;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    // Whether the break before the next unit is an emergency one.
    let emergency = false;
    for (const opportunity of this.breaksOf(text)) {
      const { position, required } = opportunity;
      if (position <= start) continue;
      let end = position;
      while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
      const parts: Part[] = [];
      let unitWidth = 0;
      for (let from = start; from < end;) {
        const { style } = spanAt(from);
        const to = Math.min(end, spanStart + spans[span]!.text.length);
        const partText = text.slice(from, to);
        const part = { text: partText, style, width: this.width(partText, style) };
        parts.push(part);
        unitWidth += part.width;
        from = to;
      }
      const trailing = end < position ? this.width(" ", spanAt(end).style) : 0;
      start = position;
      const previous = units[units.length - 1];
      if (parts.length) units.push({ parts, width: unitWidth, trailing, required, emergency });
      else if (previous) {
        previous.trailing = Math.max(previous.trailing, trailing);
        previous.required ||= required;
      }
      emergency = opportunity.emergency;
    }
    const lines: Line[] = [];
    let pieces: LinePiece[] = [];
    let x = 0;
    let pendingSpace = 0;
    const pushPiece = (text: string, style: Style, w: number) => {
      const last = pieces[pieces.length - 1];
      if (last && last.style === style) {
        last.text += text;
        last.width += w;
      } else {
        pieces.push({ text, style, x, width: w });
      }
      x += w;
    };
    const breakLine = () => {
      lines.push({ pieces, width: x });
      pieces = [];
      x = 0;
      pendingSpace = 0;
    };
    // A word is a unit and the units after it that only an emergency break separates (a
    // document symbol, a URL): it moves to the next line whole unless it is wider than a line.
    let whole = false;
    for (const [index, unit] of units.entries()) {
      if (!unit.emergency) {
        let wordWidth = unit.width;
        for (let next = index + 1; units[next]?.emergency; next++) wordWidth += units[next]!.width;
        whole = wordWidth <= width;
        if (whole && x > 0 && x + pendingSpace + wordWidth > width) breakLine();
      }
      if (!whole && x > 0 && x + pendingSpace + unit.width > width) breakLine();
      if (x > 0 && pendingSpace) pushPiece(" ", pieces[pieces.length - 1]!.style, pendingSpace);
      for (const part of unit.parts) {
        if (part.width <= width) {
          pushPiece(part.text, part.style, part.width);
          continue;
        }
        // Longer than the line even between emergency breaks: split it by characters.
        for (const char of part.text) {
          const w = this.width(char, part.style);
          if (x > 0 && x + w > width) breakLine();
          pushPiece(char, part.style, w);
        }
      }
      pendingSpace = unit.trailing;
      // A line feed in the text ends the line.
      if (unit.required) breakLine();
    }
    if (pieces.length) breakLine();
    return lines;
  }

  /** Draws one line with its top at `y` and its left end at `x`; links get their annotation. */
  drawLine(line: Line, x: number, y: number): void {
    const first = line.pieces[0];
    if (!first) return;
    this.drawPieces(line.pieces, x, y + this.ascent(first.style));
  }

  /** Draws a string with its top at `y`. */
  drawString(text: string, x: number, y: number, style: Style): void {
    this.drawPieces([{ text, style }], x, y + this.ascent(style));
  }

  /** Draws a string on the baseline `baseline` (as SVG text is placed). */
  drawAtBaseline(text: string, x: number, baseline: number, style: Style): void {
    this.drawPieces([{ text, style }], x, baseline);
  }

  /** The report font's ascent: lines keep one baseline whichever fonts they mix. */
  private ascent(style: Style): number {
    return (this.use(style.font).ascender * style.size) / 1000;
  }

  /** Draws styled pieces (in logical order) as one line from `x`, in visual order. */
  private drawPieces(pieces: { text: string; style: Style }[], x: number, baseline: number): void {
    const text = pieces.length === 1 ? pieces[0]!.text : pieces.map((piece) => piece.text).join("");
    // A line with nothing right-to-left in it (an English title or summary where no translation
    // exists, a URL) reads left to right even in an Arabic document: its full stop stays at its end.
    const direction = this.direction === "rtl" && !hasRtl(text) ? "ltr" : this.direction;
    let pen = x;
    for (const run of this.runsOf(text, direction)) {
      // The run's share of each piece, in logical order.
      const parts: { text: string; style: Style }[] = [];
      let offset = 0;
      for (const piece of pieces) {
        const start = Math.max(run.start, offset);
        const end = Math.min(run.end, offset + piece.text.length);
        if (start < end) parts.push({ text: text.slice(start, end), style: piece.style });
        offset += piece.text.length;
      }
      if (run.rtl) parts.reverse();
      for (const part of parts) {
        const width = this.drawRun(part.text, pen, baseline, part.style, run.rtl);
        if (part.style.href && part.text.trim()) this.doc.link(pen, baseline - this.ascent(part.style), width, part.style.size * 1.2, part.style.href);
        pen += width;
      }
    }
  }

  private readonly runs = new Map<string, DirectionRun[]>();

  /** visualRuns, cached: table cells and labels repeat ("قيد التنفيذ", "E/2022/13، الفقرة 12"). */
  private runsOf(text: string, direction: Direction): DirectionRun[] {
    if (direction === "ltr") return visualRuns(text, direction);
    let runs = this.runs.get(text);
    if (!runs) {
      runs = visualRuns(text, direction);
      if (this.runs.size < 50_000) this.runs.set(text, runs);
    }
    return runs;
  }

  /** Draws text of one style and direction from `x`; returns its width in points. */
  private drawRun(text: string, x: number, baseline: number, style: Style, rtl: boolean): number {
    const pieces = fontPieces(text, !this.cjk);
    if (rtl) pieces.reverse();
    let pen = x;
    for (const piece of pieces) {
      if (piece.arabic) pen += this.drawShaped(piece.text, pen, baseline, style, rtl);
      else pen += this.drawMapped(piece.text, pen, baseline, style, rtl);
    }
    return pen - x;
  }

  /** Text that needs no shaping, glyph by glyph through the cmap, as one string. */
  private drawMapped(text: string, x: number, baseline: number, style: Style, rtl: boolean): number {
    const { font, map } = this.glyphs(style.font);
    let chars: string[] | string = text;
    // In a right-to-left run the characters go from the right, brackets mirrored.
    if (rtl) chars = [...text].reverse().map(mirror);
    let glyphs = "";
    let advance = 0;
    for (const char of chars) {
      const codePoint = char.codePointAt(0)!;
      if (isIgnorable(codePoint)) continue;
      const glyph = this.glyph(font, map, codePoint);
      advance += glyph.advance;
      glyphs += glyphBytes(subsetGlyph(font, glyph.id, [glyph.codePoint], glyph.advance));
    }
    if (text.trim()) this.show(font, style, x, baseline, glyphs);
    return (advance * style.size) / 1000;
  }

  /**
   * A shaped Arabic word: one string for each stretch whose advances are the glyphs' own, a new
   * position where shaping moved a glyph (a mark on its letter, kerning).
   */
  private drawShaped(text: string, x: number, baseline: number, style: Style, rtl: boolean): number {
    const { font, glyphs } = this.shape(text, style.font, rtl);
    const scale = style.size / 1000;
    let pen = x;
    let start = x;
    // One TJ per word: glyph strings, with a number wherever shaping changed an advance.
    let array = "";
    let bytes = "";
    let extra = 0;
    const flush = () => {
      if (bytes) array += `(${bytes})`;
      if (array) this.show(font, style, start, baseline, array, true);
      array = bytes = "";
      extra = 0;
    };
    for (const glyph of glyphs) {
      if (glyph.mark) {
        this.drawMark(font, glyph.mark, pen + glyph.dx * scale, baseline - glyph.dy * scale, style);
        pen += glyph.advance * scale;
        if (array || bytes) extra += glyph.advance;
        continue;
      }
      const gid = (glyph.gid ??= this.subsetId(font, glyph));
      if (glyph.dx !== 0 || glyph.dy !== 0) {
        flush();
        this.show(font, style, pen + glyph.dx * scale, baseline - glyph.dy * scale, `(${glyphBytes(gid)})`, true);
        pen += glyph.advance * scale;
        continue;
      }
      if (!array && !bytes) start = pen;
      else if (Math.abs(extra) > 0.01) {
        // TJ moves back by n/1000 em for a number n: a longer advance is a negative number.
        array += `(${bytes}) ${fmt(-extra)} `;
        bytes = "";
      }
      bytes += glyphBytes(gid);
      extra = glyph.advance - glyph.own;
      pen += glyph.advance * scale;
    }
    flush();
    return pen - x;
  }

  private readonly marks = new Map<string, string>();

  /**
   * A dot as a shape: its outline once per document as a form XObject, then placed (in the
   * current fill colour) wherever it is used. Text extraction reads the letter from its
   * skeleton glyph (see subsetId) and is not disturbed by a glyph that stands for nothing.
   */
  private drawMark(font: EmbeddedFont, glyph: LaidOutGlyph, x: number, baseline: number, style: Style): void {
    const key = `${font.id}|${glyph.id}|${style.size}`;
    let name = this.lastMark?.key === key ? this.lastMark.name : this.marks.get(key);
    if (!name) {
      name = `M${this.marks.size + 1}`;
      const ops: string[] = [];
      let current: [number, number] = [0, 0];
      for (const { command, args } of glyph.path.commands) {
        if (command === "moveTo") ops.push(`${fmt(args[0]!)} ${fmt(args[1]!)} m`);
        else if (command === "lineTo") ops.push(`${fmt(args[0]!)} ${fmt(args[1]!)} l`);
        else if (command === "bezierCurveTo") ops.push(`${args.map(fmt).join(" ")} c`);
        else if (command === "quadraticCurveTo") {
          // A quadratic curve as the cubic PDF draws: control points two thirds of the way.
          const [cx, cy, ex, ey] = args as [number, number, number, number];
          const [sx, sy] = current;
          ops.push(
            `${fmt(sx + (2 / 3) * (cx - sx))} ${fmt(sy + (2 / 3) * (cy - sy))} ${fmt(ex + (2 / 3) * (cx - ex))} ${fmt(ey + (2 / 3) * (cy - ey))} ${fmt(ex)} ${fmt(ey)} c`,
          );
        } else if (command === "closePath") ops.push("h");
        if (args.length >= 2) current = [args[args.length - 2]!, args[args.length - 1]!];
      }
      ops.push("f");
      const { minX, minY, maxX, maxY } = glyph.bbox;
      // Its matrix takes the outline from font units (y up) to the text's size on pdfkit's
      // downward page space.
      const s = (style.size * font.scale) / 1000;
      this.forms.set(name, writeFormXObject(this.doc, { BBox: [minX, minY, maxX, maxY], Matrix: [s, 0, 0, -s, 0, 0] }, ops.join("\n")));
      this.marks.set(key, name);
    }
    this.lastMark = { key, name };
    addXObjectToPage(this.doc, name, this.forms.get(name)!);
    // Marks wait until the text object ends: the letters around them stay one run of text for
    // a reader that extracts it (pdf.js reads a word broken by other operators as pieces).
    this.markOps.push({ color: style.color, op: `q 1 0 0 1 ${fmt(x)} ${fmt(baseline)} cm /${name} Do Q\n` });
  }

  private readonly forms = new Map<string, FormXObject>();
  private lastMark: { key: string; name: string } | null = null;
  private readonly markOps: { color: string; op: string }[] = [];
  /** The fill colour last set in the current batch of operators ("" when unknown). */
  private fill = "";

  /** One text-showing operator; consecutive ones share a text object, colour and font are set only when they change. */
  private show(font: EmbeddedFont, style: Style, x: number, baseline: number, glyphs: string, array = false): void {
    addFontToPage(this.doc, font);
    let op = "";
    if (!this.inText) {
      op = "BT ";
      this.inText = true;
      this.textState = "";
      this.origin = null;
    }
    const state = `${this.rgb(style.color)} rg /${font.id} ${fmt(style.size)} Tf`;
    if (state !== this.textState) {
      op += `${state} `;
      this.textState = state;
      this.fill = style.color;
    }
    // pdfkit's page space runs downwards; the text matrix flips the glyphs upright again. The
    // first string of a text object is placed absolutely, the next ones by the offset from
    // it (Td is half as long as Tm, and a report has hundreds of thousands of strings).
    const px = Math.round(x * 100) / 100;
    const py = Math.round(baseline * 100) / 100;
    const place = this.origin ? `${fmt(px - this.origin[0])} ${fmt(this.origin[1] - py)} Td` : `1 0 0 -1 ${fmt(px)} ${fmt(py)} Tm`;
    this.origin = [px, py];
    this.pending.push(array ? `${op}${place} [${glyphs}] TJ\n` : `${op}${place} (${glyphs}) Tj\n`);
    if (this.pending.length >= 4096) this.flush();
  }

  /**
   * Queues raw vector operators (in pdfkit's top-down page space) with the text, inside q…Q:
   * thousands of table rules cost one buffer instead of thousands of small ones.
   */
  rule(x1: number, y1: number, x2: number, y2: number, width: number, color: string): void {
    this.endText();
    this.pending.push(`q ${fmt(width)} w ${this.rgb(color)} RG ${fmt(x1)} ${fmt(y1)} m ${fmt(x2)} ${fmt(y2)} l S Q\n`);
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.endText();
    this.pending.push(`q ${this.rgb(color)} rg ${fmt(x)} ${fmt(y)} ${fmt(w)} ${fmt(h)} re f Q\n`);
  }

  /**
   * Writes the text drawn so far into the current page's content. Text is batched per page
   * (and so drawn above the page's rules and fills); call before changing pages and at the end.
   */
  flush(): void {
    this.endText();
    // pdfkit's own drawing may come between two batches and change the fill colour.
    this.fill = "";
    if (!this.pending.length) return;
    this.doc.addContent(Buffer.from(this.pending.join(""), "latin1"));
    this.pending.length = 0;
  }

  private endText(): void {
    if (this.inText) {
      this.pending.push("ET\n");
      this.inText = false;
    }
    for (const { color, op } of this.markOps) {
      if (color !== this.fill) {
        this.pending.push(`${this.rgb(color)} rg\n`);
        this.fill = color;
      }
      this.pending.push(op);
    }
    this.markOps.length = 0;
  }

  private rgb(color: string): string {
    let value = this.colors.get(color);
    if (!value) {
      const n = Number.parseInt(color.slice(1), 16);
      value = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => fmt(c / 255)).join(" ");
      this.colors.set(color, value);
    }
    return value;
  }
}
