import "server-only";
/**
 * The parts of pdfkit (and of the fontkit objects it holds) that the PDF's fast text (pdf-text.ts)
 * uses beyond pdfkit's documented API, in one place. pdfkit is pinned to an exact version in
 * package.json because of them, and pdfkit-internals.test.ts fails if they change shape. What
 * they rely on, as of pdfkit 0.20.2 and fontkit 2:
 *
 * - `doc._font`: the EmbeddedFont that `doc.font(name)` selected, with `id` (its page resource
 *   name), `font` (the fontkit font), `scale` (1000 / unitsPerEm), `ascender`, `subset` (a
 *   fontkit Subset: `includeGlyph()`, and its `glyphs` and `mapping` arrays), and `widths` and
 *   `unicode` (per subset glyph, written out as the font's widths and ToUnicode map).
 * - `font.ref()` and `doc.ref(dictionary)`: a new indirect PDF object, ended with its content.
 * - `doc.page.fonts` and `doc.page.xobjects`: the current page's resource dictionaries.
 */

type Glyph = { id: number; advanceWidth: number };
type PathCommand = { command: string; args: number[] };
/** A glyph as fontkit's layout returns it, with its outline. */
export type LaidOutGlyph = Glyph & {
  codePoints: number[];
  path: { commands: PathCommand[] };
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
};
export type GlyphPosition = { xAdvance: number; xOffset: number; yOffset: number };

/** A font embedded in a document (pdfkit's EmbeddedFont), as far as the fast text uses it. */
export type EmbeddedFont = {
  /** The font's resource name on a page ("F1"). */
  readonly id: string;
  /** The ascent in 1/1000 em. */
  readonly ascender: number;
  /** 1000 / unitsPerEm: font units to 1/1000 em. */
  readonly scale: number;
  readonly font: {
    glyphForCodePoint(codePoint: number): Glyph;
    layout(
      text: string,
      features: string[],
      script: string,
      language: string | undefined,
      direction: "ltr" | "rtl",
    ): { glyphs: LaidOutGlyph[]; positions: GlyphPosition[] };
  };
};

type Subset = { includeGlyph(glyphId: number): number; glyphs: number[]; mapping: Record<number, number> };
type PdfKitFont = EmbeddedFont & { subset: Subset; widths: number[]; unicode: number[][]; ref(): unknown };
type PdfKitDocument = {
  _font: PdfKitFont | null;
  page: { fonts: Record<string, unknown>; xobjects: Record<string, unknown> };
  ref(data: Record<string, unknown>): { end(data: Buffer): void };
};

const internals = (doc: PDFKit.PDFDocument) => doc as unknown as PdfKitDocument;
const internal = (font: EmbeddedFont) => font as PdfKitFont;

/** Selects a registered font and returns it. */
export function selectFont(doc: PDFKit.PDFDocument, name: string): EmbeddedFont {
  doc.font(name);
  const font = internals(doc)._font;
  if (!font) throw new Error(`pdfkit selected no font for ${name}`);
  return font;
}

/**
 * The subset glyph id for a glyph that stands for `codePoints`, with `advance` (1/1000 em) as its
 * width. With `ownText`, a glyph the subset already holds for other text is added again as a
 * copy: a PDF maps each glyph id to one text, but a font may draw several letters with one glyph
 * (Noto Sans Arabic's dotless skeletons), and copied text must read the right letters.
 */
export function subsetGlyph(fontRef: EmbeddedFont, glyphId: number, codePoints: number[], advance: number, ownText = false): number {
  const font = internal(fontRef);
  let gid: number;
  const existing = ownText ? font.subset.mapping[glyphId] : undefined;
  if (existing === undefined || font.unicode[existing]?.join(",") === codePoints.join(",")) {
    gid = existing ?? font.subset.includeGlyph(glyphId);
  } else {
    font.subset.glyphs.push(glyphId);
    gid = font.subset.glyphs.length - 1;
  }
  if (font.widths[gid] == null) font.widths[gid] = advance;
  if (font.unicode[gid] == null) font.unicode[gid] = codePoints;
  return gid;
}

/** Adds the font to the current page's resources (under its id) if it is not there yet. */
export function addFontToPage(doc: PDFKit.PDFDocument, font: EmbeddedFont): void {
  const page = internals(doc).page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = internal(font).ref();
}

/** An opaque handle on a form XObject written into the document. */
export type FormXObject = { readonly form: unknown };

/** Writes a form XObject (a drawing placed with `/name Do`) with its dictionary and content. */
export function writeFormXObject(doc: PDFKit.PDFDocument, dictionary: { BBox: number[]; Matrix: number[] }, content: string): FormXObject {
  const form = internals(doc).ref({ Type: "XObject", Subtype: "Form", ...dictionary });
  form.end(Buffer.from(content, "latin1"));
  return { form };
}

/** Adds a form XObject to the current page's resources under `name` if it is not there yet. */
export function addXObjectToPage(doc: PDFKit.PDFDocument, name: string, xobject: FormXObject): void {
  const page = internals(doc).page;
  if (page.xobjects[name] == null) page.xobjects[name] = xobject.form;
}
