import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { loadPdfKit, registerReportFonts } from "./pdf";
import { PdfText } from "./pdf-text";
import { selectFont, subsetGlyph, addFontToPage, addXObjectToPage, writeFormXObject } from "./pdfkit-internals";

function newDocument() {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({ autoFirstPage: false, compress: false });
  registerReportFonts(doc);
  doc.addPage();
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  return { doc, end: () => (doc.end(), finished) };
}

async function textOf(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  return content.items.map((item) => ("str" in item ? item.str : "")).join("");
}

// pdfkit is pinned because of what pdfkit-internals.ts reaches into; after an upgrade, these fail first.
describe("pdfkit's internals behind the adapter", () => {
  it("the selected font is pdfkit's embedded font: resource id, metrics, fontkit font and subset", () => {
    const { doc } = newDocument();
    const font = selectFont(doc, "R");
    expect(font.id).toMatch(/^F\d+$/);
    expect(font.scale).toBeCloseTo(1000 / 1000, 5); // Noto Sans SC has 1000 units per em
    expect(font.ascender).toBeGreaterThan(800);
    expect(font.font.glyphForCodePoint(0x4e2d).id).toBeGreaterThan(0);
    expect(font.font.layout("مرحبا", [], "arab", undefined, "rtl").glyphs.length).toBeGreaterThan(0);
    const raw = font as unknown as { subset: { glyphs: unknown; mapping: unknown; includeGlyph: unknown }; widths: unknown; unicode: unknown; ref: unknown };
    expect(Array.isArray(raw.subset.glyphs)).toBe(true);
    expect(typeof raw.subset.mapping).toBe("object");
    expect(typeof raw.subset.includeGlyph).toBe("function");
    expect(Array.isArray(raw.widths)).toBe(true);
    expect(Array.isArray(raw.unicode)).toBe(true);
    expect(typeof raw.ref).toBe("function");
    expect(selectFont(doc, "B").id).not.toBe(font.id);
  });

  it("a glyph enters the subset once per text; a second text on the same glyph gets a copy", () => {
    const { doc } = newDocument();
    const font = selectFont(doc, "R");
    const glyph = font.font.glyphForCodePoint(0x41).id;
    const gid = subsetGlyph(font, glyph, [0x41], 600);
    expect(gid).toBeGreaterThan(0);
    expect(subsetGlyph(font, glyph, [0x41], 600)).toBe(gid);
    expect(subsetGlyph(font, glyph, [0x41], 600, true)).toBe(gid);
    const copy = subsetGlyph(font, glyph, [0x391], 600, true);
    expect(copy).not.toBe(gid);
    const raw = font as unknown as { widths: number[]; unicode: number[][]; subset: { glyphs: number[] } };
    expect(raw.subset.glyphs[copy]).toBe(glyph);
    expect([raw.widths[gid], raw.unicode[gid], raw.unicode[copy]]).toEqual([600, [0x41], [0x391]]);
  });

  it("fonts and form XObjects land in the page's resources, and the text drawn with them reads back", async () => {
    const { doc, end } = newDocument();
    const font = selectFont(doc, "R");
    addFontToPage(doc, font);
    const form = writeFormXObject(doc, { BBox: [0, 0, 10, 10], Matrix: [1, 0, 0, 1, 0, 0] }, "0 0 10 10 re f");
    addXObjectToPage(doc, "M1", form);
    const text = new PdfText(doc, "rtl");
    text.drawString("Plan 2021 中文 خطة العمل", 40, 40, { font: "R", size: 12, color: "#000000" });
    text.flush();
    const pdf = await end();
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(new RegExp(`/Font <<\\s*/${font.id} \\d+ 0 R`));
    expect(raw).toMatch(/\/XObject <<\s*\/M1 \d+ 0 R/);
    expect(raw).toMatch(/\/Subtype \/Form/);
    const read = await textOf(pdf);
    for (const word of ["Plan", "2021", "中文", "خطة", "العمل"]) expect(read).toContain(word);
  });
});
