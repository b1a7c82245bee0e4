import { Document, Packer, Paragraph } from "docx";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { extractText, formatOf } from "./extract";
import { readReport } from "./reader";

const LINES = ["  I. Introduction", "1. In May 2021, the Board launched the review.", "2. The network will publish its report in early 2022."];

function pdfOf(lines: string[]): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (const line of lines) doc.text(line.trim());
    doc.end();
  });
}

// Loading pdf.js and mammoth takes seconds on a busy machine.
describe("reading uploaded files", { timeout: 30_000 }, () => {
  it("knows the formats by extension", () => {
    expect([formatOf("a.PDF"), formatOf("b.docx"), formatOf("c.txt"), formatOf("d.doc")]).toEqual(["pdf", "docx", "txt", null]);
  });

  it("reads a PDF's lines into numbered paragraphs", async () => {
    const text = await extractText(await pdfOf(LINES), "pdf");
    expect(readReport(text).paragraphs.map((p) => p.text)).toEqual([
      "In May 2021, the Board launched the review.",
      "The network will publish its report in early 2022.",
    ]);
  });

  it("reads a Word document's paragraphs", async () => {
    const doc = new Document({ sections: [{ children: LINES.map((line) => new Paragraph(line)) }] });
    const text = await extractText(new Uint8Array(await Packer.toBuffer(doc)), "docx");
    expect(readReport(text).paragraphs.map((p) => p.number)).toEqual([1, 2]);
  });

  it("refuses bytes that are not what the extension says", async () => {
    await expect(extractText(new Uint8Array([0xff, 0xfe, 0x00]), "txt")).rejects.toBeInstanceOf(AppError);
    await expect(extractText(new TextEncoder().encode("not a pdf"), "pdf")).rejects.toBeInstanceOf(AppError);
  });
});
