import "server-only";

/**
 * Fast text for pdfkit. pdfkit's own `text()` runs a Unicode line breaker, option handling and
 * OpenType shaping (fontkit) for every call, which made a 10,000-milestone report take over
 * fifteen seconds. Here each character maps straight to its glyph through the font's cmap
 * (Latin and Chinese need no shaping; only kerning is given up), widths are cached, lines are
 * broken once, and each line is written as one text operator. The glyphs still go through
 * pdfkit's font subset, so only used glyphs are embedded and text stays searchable (ToUnicode).
 */

type Glyph = { id: number; advanceWidth: number };
/** The parts of pdfkit's embedded font (and its fontkit font) this module uses. */
type PdfFont = {
  id: string;
  ascender: number;
  /** 1000 / unitsPerEm. */
  scale: number;
  font: { glyphForCodePoint(codePoint: number): Glyph };
  subset: { includeGlyph(glyphId: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
};
type PdfDocInternals = {
  _font: PdfFont;
  page: { fonts: Record<string, unknown>; height: number };
};

type CachedGlyph = { id: number; advance: number; codePoint: number };

/** A text style; `font` is the name a font was registered under in the document. */
export type Style = { font: string; size: number; color: string; href?: string };
export type Span = { text: string; style: Style };
export type LinePiece = { text: string; style: Style; x: number; width: number };
export type Line = { pieces: LinePiece[]; width: number };

/** Characters that may not begin a line (closing punctuation), kept with what precedes them. */
const NO_BREAK_BEFORE = /^[，。、；：！？）」』”’》〉％,.;:!?)\]}%]/;
/** Opening punctuation, kept with what follows it. */
const NO_BREAK_AFTER = /[（「『“‘《〈([{]$/;
const TOKEN = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+/g;

/** A glyph id as the two bytes of an Identity-H string, escaped for a PDF literal string. */
const glyphBytesCache: string[] = [];
function glyphBytes(gid: number): string {
  let bytes = glyphBytesCache[gid];
  if (bytes === undefined) {
    bytes = [gid >> 8, gid & 255].map((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b === 0x0d ? "\\r" : String.fromCharCode(b))).join("");
    glyphBytesCache[gid] = bytes;
  }
  return bytes;
}

const fmt = (n: number) => (Math.round(n * 1000) / 1000).toString();

export class PdfText {
  private readonly widths = new Map<string, Map<string, number>>();
  private readonly glyphCache = new Map<string, Map<number, CachedGlyph>>();
  private readonly colors = new Map<string, string>();
  private readonly pending: string[] = [];
  private inText = false;
  private textState = "";

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private internals(): PdfDocInternals {
    return this.doc as unknown as PdfDocInternals;
  }

  private use(style: Style): PdfFont {
    this.doc.font(style.font);
    return this.internals()._font;
  }

  /** Glyphs of one font file, by code point; advances in 1/1000 em. */
  private glyphs(style: Style): { font: PdfFont; map: Map<number, CachedGlyph> } {
    const font = this.use(style);
    let map = this.glyphCache.get(style.font);
    if (!map) this.glyphCache.set(style.font, (map = new Map()));
    return { font, map };
  }

  private glyph(font: PdfFont, map: Map<number, CachedGlyph>, codePoint: number): CachedGlyph {
    let glyph = map.get(codePoint);
    if (!glyph) {
      const found = font.font.glyphForCodePoint(codePoint);
      glyph = { id: found.id, advance: found.advanceWidth * font.scale, codePoint };
      map.set(codePoint, glyph);
    }
    return glyph;
  }

  /** Width of a string in points, cached per font and string. */
  width(text: string, style: Style): number {
    let cache = this.widths.get(style.font);
    if (!cache) this.widths.set(style.font, (cache = new Map()));
    let unit = cache.get(text);
    if (unit === undefined) {
      const { font, map } = this.glyphs(style);
      unit = 0;
      for (const char of text) unit += this.glyph(font, map, char.codePointAt(0)!).advance;
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
        const word = raw.trimEnd();
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

  /** Draws one line with its top at `y`; links get their annotation. */
  drawLine(line: Line, x: number, y: number): void {
    for (const piece of line.pieces) {
      if (!piece.text.trim()) continue;
      this.drawString(piece.text, x + piece.x, y, piece.style);
      if (piece.style.href) this.doc.link(x + piece.x, y, piece.width, piece.style.size * 1.2, piece.style.href);
    }
  }

  /** Draws a string with its top at `y`, as one text operator. */
  drawString(text: string, x: number, y: number, style: Style): void {
    const font = this.use(style);
    this.drawAtBaseline(text, x, y + (font.ascender * style.size) / 1000, style);
  }

  /** Draws a string on the baseline `baseline` (as SVG text is placed). */
  drawAtBaseline(text: string, x: number, baseline: number, style: Style): void {
    const { font, map } = this.glyphs(style);
    let glyphs = "";
    for (const char of text) {
      const glyph = this.glyph(font, map, char.codePointAt(0)!);
      const gid = font.subset.includeGlyph(glyph.id);
      if (font.widths[gid] == null) font.widths[gid] = glyph.advance;
      if (font.unicode[gid] == null) font.unicode[gid] = [glyph.codePoint];
      glyphs += glyphBytes(gid);
    }
    const page = this.internals().page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    // Consecutive strings share one text object; colour and font are set only when they change.
    let op = "";
    if (!this.inText) {
      op = "BT ";
      this.inText = true;
      this.textState = "";
    }
    const state = `${this.rgb(style.color)} rg /${font.id} ${fmt(style.size)} Tf`;
    if (state !== this.textState) {
      op += `${state} `;
      this.textState = state;
    }
    // pdfkit's page space runs downwards; the text matrix flips the glyphs upright again.
    this.pending.push(`${op}1 0 0 -1 ${fmt(x)} ${fmt(baseline)} Tm (${glyphs}) Tj\n`);
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
    if (!this.pending.length) return;
    this.doc.addContent(Buffer.from(this.pending.join(""), "latin1"));
    this.pending.length = 0;
  }

  private endText(): void {
    if (!this.inText) return;
    this.pending.push("ET\n");
    this.inText = false;
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
