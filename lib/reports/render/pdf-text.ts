import "server-only";
import { type Direction, type DirectionRun, fontPieces, hasRtl, isIgnorable, mirror, visualRuns } from "./bidi";

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

type Glyph = { id: number; advanceWidth: number };
type PathCommand = { command: string; args: number[] };
type LaidOutGlyph = Glyph & { codePoints: number[]; path: { commands: PathCommand[] }; bbox: { minX: number; minY: number; maxX: number; maxY: number } };
type Position = { xAdvance: number; xOffset: number; yOffset: number };
/** The parts of pdfkit's embedded font (and its fontkit font) this module uses. */
type PdfFont = {
  id: string;
  ascender: number;
  /** 1000 / unitsPerEm. */
  scale: number;
  font: {
    glyphForCodePoint(codePoint: number): Glyph;
    layout(
      text: string,
      features: string[],
      script: string,
      language: string | undefined,
      direction: Direction,
    ): { glyphs: LaidOutGlyph[]; positions: Position[] };
  };
  subset: { includeGlyph(glyphId: number): number; glyphs: number[]; mapping: Record<number, number> };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
};
type PdfDocInternals = {
  _font: PdfFont;
  page: { fonts: Record<string, unknown>; xobjects: Record<string, unknown>; height: number };
  ref(data: Record<string, unknown>): { end(data: Buffer): void };
};

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

/** Characters that may not begin a line (closing punctuation), kept with what precedes them. */
const NO_BREAK_BEFORE = /^[，。、；：！？）」』”’》〉％,.;:!?)\]}%،؛؟»]/;
/** Opening punctuation, kept with what follows it. */
const NO_BREAK_AFTER = /[（「『“‘《〈([{«]$/;
/** Break opportunities: spaces, not no-break spaces (French puts one before a colon). */
const TOKEN = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^ \t\r\n\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+[ \t\r\n]*|[ \t\r\n]+/g;
const TRAILING_SPACE = /[ \t\r\n]+$/;
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

  private internals(): PdfDocInternals {
    return this.doc as unknown as PdfDocInternals;
  }

  private use(fontName: string): PdfFont {
    this.doc.font(fontName);
    return this.internals()._font;
  }

  /** Glyphs of one font file, by code point; advances in 1/1000 em. */
  private glyphs(fontName: string): { font: PdfFont; map: Map<number, CachedGlyph> } {
    const font = this.use(fontName);
    let map = this.glyphCache.get(fontName);
    if (!map) this.glyphCache.set(fontName, (map = new Map()));
    return { font, map };
  }

  private glyph(font: PdfFont, map: Map<number, CachedGlyph>, codePoint: number): CachedGlyph {
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
  private shape(text: string, baseFont: string, rtl: boolean): { font: PdfFont; glyphs: PlacedGlyph[] } {
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
  private subsetId(font: PdfFont, glyph: PlacedGlyph): number {
    let ids = this.subsetIds.get(font.id);
    if (!ids) this.subsetIds.set(font.id, (ids = new Map()));
    const key = `${glyph.id}|${glyph.codePoints.join(",")}`;
    let gid = ids.get(key);
    if (gid !== undefined) return gid;
    const existing = font.subset.mapping[glyph.id];
    if (existing === undefined) {
      gid = font.subset.includeGlyph(glyph.id);
    } else if (font.unicode[existing]?.join(",") === glyph.codePoints.join(",")) {
      gid = existing;
    } else {
      font.subset.glyphs.push(glyph.id);
      gid = font.subset.glyphs.length - 1;
    }
    if (font.widths[gid] == null) font.widths[gid] = glyph.own;
    if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
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

  /** Breaks styled spans into lines of at most `width` points (a longer word is split). */
  wrap(spans: Span[], width: number): Line[] {
    // A unit never breaks inside: a word, a CJK character, with closing punctuation glued on.
    type Part = { text: string; style: Style; width: number };
    type Unit = { parts: Part[]; width: number; trailing: number };
    const units: Unit[] = [];
    for (const span of spans) {
      for (const raw of span.text.match(TOKEN) ?? []) {
        const word = raw.replace(TRAILING_SPACE, "");
        const space = raw.length > word.length ? this.width(" ", span.style) : 0;
        const previous = units[units.length - 1];
        if (!word) {
          if (previous) previous.trailing = Math.max(previous.trailing, space);
          continue;
        }
        const part = { text: word, style: span.style, width: this.width(word, span.style) };
        const previousText = previous?.parts[previous.parts.length - 1]?.text ?? "";
        if (previous && !previous.trailing && (NO_BREAK_BEFORE.test(word) || NO_BREAK_AFTER.test(previousText))) {
          previous.parts.push(part);
          previous.width += part.width;
          previous.trailing = space;
        } else {
          units.push({ parts: [part], width: part.width, trailing: space });
        }
      }
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
    for (const unit of units) {
      if (x > 0 && x + pendingSpace + unit.width > width) breakLine();
      if (x > 0 && pendingSpace) pushPiece(" ", pieces[pieces.length - 1]!.style, pendingSpace);
      for (const part of unit.parts) {
        if (part.width <= width) {
          pushPiece(part.text, part.style, part.width);
          continue;
        }
        // A word longer than the line (a long URL): split it by characters.
        for (const char of part.text) {
          const w = this.width(char, part.style);
          if (x > 0 && x + w > width) breakLine();
          pushPiece(char, part.style, w);
        }
      }
      pendingSpace = unit.trailing;
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
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advance;
      if (font.unicode[gid] == null) font.unicode[gid] = [glyph.codePoint];
      glyphs += glyphBytes(gid);
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
  private drawMark(font: PdfFont, glyph: LaidOutGlyph, x: number, baseline: number, style: Style): void {
    const key = `${font.id}|${glyph.id}|${style.size}`;
    let name = this.lastMark?.key === key ? this.lastMark.name : this.marks.get(key);
    const doc = this.internals();
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
      const form = doc.ref({ Type: "XObject", Subtype: "Form", BBox: [minX, minY, maxX, maxY], Matrix: [s, 0, 0, -s, 0, 0] });
      form.end(Buffer.from(ops.join("\n"), "latin1"));
      this.forms.set(name, form);
      this.marks.set(key, name);
    }
    this.lastMark = { key, name };
    if (doc.page.xobjects[name] == null) doc.page.xobjects[name] = this.forms.get(name);
    // Marks wait until the text object ends: the letters around them stay one run of text for
    // a reader that extracts it (pdf.js reads a word broken by other operators as pieces).
    this.markOps.push({ color: style.color, op: `q 1 0 0 1 ${fmt(x)} ${fmt(baseline)} cm /${name} Do Q\n` });
  }

  private readonly forms = new Map<string, unknown>();
  private lastMark: { key: string; name: string } | null = null;
  private readonly markOps: { color: string; op: string }[] = [];
  /** The fill colour last set in the current batch of operators ("" when unknown). */
  private fill = "";

  /** One text-showing operator; consecutive ones share a text object, colour and font are set only when they change. */
  private show(font: PdfFont, style: Style, x: number, baseline: number, glyphs: string, array = false): void {
    const page = this.internals().page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
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
