import { describe, expect, it } from "vitest";
import { loadPdfKit, registerReportFonts } from "./pdf";
import { PdfText, type Style } from "./pdf-text";

const PDFDocument = loadPdfKit();
const doc = new PDFDocument({ autoFirstPage: false });
registerReportFonts(doc);
const text = new PdfText(doc);
const style: Style = { font: "R", size: 10, color: "#000000" };

/** The lines of `value` wrapped as wide as `measure` is. */
const wrap = (value: string, measure: string) =>
  text.wrap([{ text: value, style }], text.width(measure, style)).map((line) => line.pieces.map((piece) => piece.text).join(""));

describe("line breaking in the PDF (UAX #14)", () => {
  it("breaks Chinese between characters, never before a closing mark or after an opening one", () => {
    const lines = wrap("联合国系统（首协会）在宏观经济政策方面的立场，以及全系统的数据战略。", "联合国系统（首协会");
    expect(lines.join("")).toBe("联合国系统（首协会）在宏观经济政策方面的立场，以及全系统的数据战略。");
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。）]/);
      expect(line).not.toMatch(/（$/);
    }
  });

  it("breaks at spaces and after hyphens, not at a no-break space", () => {
    expect(wrap("the system-wide road map", "the system-wi")[0]).toBe("the system-");
    expect(wrap("Organe de rattachement\u00a0: HLCM", "rattachement\u00a0: ")).toEqual(["Organe de", "rattachement\u00a0:", "HLCM"]);
  });

  it("keeps a document symbol whole, and breaks a URL wider than the line after a solidus", () => {
    expect(wrap("footnote 6; CEB/2021/1/Add.1", "footnote 6; CEB/2021/1/")).toEqual(["footnote 6;", "CEB/2021/1/Add.1"]);
    expect(wrap("Evidence: https://unsceb.org/sites/default/files/2021-04/report.pdf", "Evidence: https://unsceb.org/si")).toEqual([
      "Evidence: https://unsceb.org/",
      "sites/default/files/2021-04/",
      "report.pdf",
    ]);
  });

  it("breaks a Chinese line between a full stop and an opening quotation mark (Unicode 15.1, LB19a)", () => {
    const lines = wrap("出处：第八段。“数字和通信技术网继续发挥作用”。", "出处：第八段。");
    expect(lines[0]).toMatch(/。$/);
    expect(lines[1]).toMatch(/^“/);
  });

  it("ends a line at a line feed", () => {
    expect(wrap("first\nsecond", "first second and more")).toEqual(["first", "second"]);
  });
});
