import "server-only";
import * as fontkit from "fontkit";
import { reportFontBuffers } from "../fonts";

type Font = fontkit.Font;

let fonts: { regular: Font; bold: Font } | null = null;

function open(bytes: Buffer): Font {
  const font = fontkit.create(bytes);
  if (!("glyphForCodePoint" in font)) throw new Error("The report font is a font collection, not a font");
  return font;
}

function reportFonts() {
  if (!fonts) {
    const bytes = reportFontBuffers();
    fonts = { regular: open(bytes.regular), bold: open(bytes.bold) };
  }
  return fonts;
}

/**
 * Text as SVG path data, from the report font's glyph outlines. Chart images are rendered this
 * way so the SVG needs no font: resvg took over a second to load the 10 MB font for each image.
 */
export function textPath(text: string, x: number, baseline: number, size: number, anchor: "start" | "middle" | "end", bold = false): string {
  const font = bold ? reportFonts().bold : reportFonts().regular;
  const scale = size / font.unitsPerEm;
  const glyphs = [...text].map((char) => font.glyphForCodePoint(char.codePointAt(0)!));
  const width = glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0) * scale;
  let pen = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
  let d = "";
  for (const glyph of glyphs) {
    // Outlines are in font units with y up; the copy is scaled, flipped and moved into place.
    d += glyph.path.scale(scale, -scale).translate(pen, baseline).toSVG();
    pen += glyph.advanceWidth * scale;
  }
  return d;
}
