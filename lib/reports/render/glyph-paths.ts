import "server-only";
import * as fontkit from "fontkit";
import { reportFontBuffers } from "../fonts";
import { type Direction, fontPieces, hasRtl, isIgnorable, mirror, visualRuns } from "./bidi";

type Font = fontkit.Font;
type Faces = { regular: Font; bold: Font; arabicRegular: Font; arabicBold: Font };

let fonts: Faces | null = null;

function open(bytes: Buffer): Font {
  const font = fontkit.create(bytes);
  if (!("glyphForCodePoint" in font)) throw new Error("The report font is a font collection, not a font");
  return font;
}

function reportFonts(): Faces {
  if (!fonts) {
    const bytes = reportFontBuffers();
    fonts = { regular: open(bytes.regular), bold: open(bytes.bold), arabicRegular: open(bytes.arabicRegular), arabicBold: open(bytes.arabicBold) };
  }
  return fonts;
}

type Placed = { glyph: fontkit.Glyph; scale: number; advance: number; dx: number; dy: number };

/** Glyphs of a string in visual order, Arabic shaped (see bidi.ts), with advances in points. */
function placeGlyphs(text: string, size: number, bold: boolean, direction: Direction, cjk: boolean): Placed[] {
  const faces = reportFonts();
  const base = bold ? faces.bold : faces.regular;
  const arabic = bold ? faces.arabicBold : faces.arabicRegular;
  const placed: Placed[] = [];
  // As in the PDF (pdf-text.ts): text with nothing right-to-left in it reads left to right.
  for (const run of visualRuns(text, direction === "rtl" && !hasRtl(text) ? "ltr" : direction)) {
    const pieces = fontPieces(text.slice(run.start, run.end), !cjk);
    if (run.rtl) pieces.reverse();
    for (const piece of pieces) {
      if (piece.arabic) {
        const scale = size / arabic.unitsPerEm;
        const laidOut = arabic.layout(piece.text, [], "arab", undefined, run.rtl ? "rtl" : "ltr");
        laidOut.glyphs.forEach((glyph, index) => {
          const position = laidOut.positions[index]!;
          placed.push({ glyph, scale, advance: position.xAdvance * scale, dx: position.xOffset * scale, dy: position.yOffset * scale });
        });
        continue;
      }
      const scale = size / base.unitsPerEm;
      const chars = [...piece.text].filter((char) => !isIgnorable(char.codePointAt(0)!));
      if (run.rtl) chars.reverse();
      for (const char of chars) {
        const codePoint = (run.rtl ? mirror(char) : char).codePointAt(0)!;
        // Noto Sans SC has no narrow no-break space (French digit groups); a no-break space stands in.
        const glyph = base.glyphForCodePoint(codePoint === 0x202f ? 0xa0 : codePoint);
        placed.push({ glyph, scale, advance: glyph.advanceWidth * scale, dx: 0, dy: 0 });
      }
    }
  }
  return placed;
}

/**
 * Text as SVG path data, from the report fonts' glyph outlines. Chart images are rendered this
 * way so the SVG needs no font: resvg took over a second to load the 10 MB font for each image.
 * `direction` is the document's: in Arabic, mixed text is ordered from the right. `cjk` keeps
 * the report font's full-width quotation marks for Chinese (see fontPieces).
 */
export function textPath(
  text: string,
  x: number,
  baseline: number,
  size: number,
  anchor: "start" | "middle" | "end",
  bold = false,
  direction: Direction = "ltr",
  cjk = false,
): string {
  const glyphs = placeGlyphs(text, size, bold, direction, cjk);
  const width = glyphs.reduce((sum, glyph) => sum + glyph.advance, 0);
  let pen = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
  let d = "";
  for (const { glyph, scale, advance, dx, dy } of glyphs) {
    // Outlines are in font units with y up; the copy is scaled, flipped and moved into place.
    d += glyph.path
      .scale(scale, -scale)
      .translate(pen + dx, baseline - dy)
      .toSVG();
    pen += advance;
  }
  return d;
}

/** textPath for text in a document of this direction (and Chinese or not), in the shape sceneToSvg takes. */
export const textPathIn =
  (direction: Direction, cjk = false) =>
  (text: string, x: number, baseline: number, size: number, anchor: "start" | "middle" | "end", bold = false): string =>
    textPath(text, x, baseline, size, anchor, bold, direction, cjk);
