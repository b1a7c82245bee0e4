import ExcelJS from "exceljs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/i18n/locales";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { setupTestDatabase } from "@/tests/setup/test-database";
import { renderReport } from "./export";
import { buildReportData, REPORT_ROW_COLUMNS, type ReportData } from "./report-data";
import { csvHeader } from "./render/tabular";
import { reportText } from "./report-text";
import { renderTimeline, timelineFileName, timelineLanes, timelineScene, timelineTitle } from "./timeline-export";

setupTestDatabase();

/** A fixed day, so that "overdue" and the "as of" line do not move with the calendar. */
const TODAY = "2026-05-01";

const data = {} as Record<Locale, ReportData>;
beforeAll(async () => {
  for (const lang of LOCALES) data[lang] = await buildReportData(2021, { lang }, TODAY);
});

async function pdfText(buffer: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= document.numPages; i++) {
    const content = await (await document.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  return pages.join("\n");
}

/** Whitespace differs where lines wrap; compare without it. */
const squash = (text: string) => text.replace(/\s+/g, "");

const xmlText = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");

describe.each(LOCALES)("the %s report", (lang) => {
  const words = reportText(lang);
  const { t } = words;

  it("PDF: reads back with the language's headings", async () => {
    const rendered = await renderReport(data[lang], "pdf");
    expect(rendered.fileName).toBe(`ceb-progress-2021-${lang}.pdf`);
    const text = squash(await pdfText(rendered.body));
    for (const heading of [t("contents"), t("chapterOverview"), t("chapterWorkstreams")]) expect(text, heading).toContain(squash(heading));
    // Left-to-right titles read back whole; the Arabic one is checked in its own test below.
    if (lang !== "ar") expect(text).toContain(squash(t("title", { year: 2021 })));
  });

  it("Word: the language's headings, its language on the runs", async () => {
    const zip = await JSZip.loadAsync((await renderReport(data[lang], "docx")).body);
    const xml = await zip.file("word/document.xml")!.async("string");
    const headings = [...xml.matchAll(/<w:p><w:pPr><w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map((match) => xmlText(match[0]));
    expect(headings).toEqual([
      `${words.chapterLabel(1)}\t${t("chapterOverview")}`,
      `${words.chapterLabel(2)}\t${t("chapterWorkstreams")}`,
      `${t("annex")}\t${t("annexTitle", { year: 2021 })}`,
    ]);
    expect(xmlText(xml)).toContain(t("title", { year: 2021 }));
    const styles = await zip.file("word/styles.xml")!.async("string");
    const language = { ar: "ar-SA", zh: "zh-CN", en: "en-GB", fr: "fr-FR", ru: "ru-RU", es: "es-ES" }[lang];
    expect(styles).toMatch(new RegExp(`<w:lang w:val="${language}"`));
  });

  it("Excel: sheets and headings in the language", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(data[lang], "xlsx")).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([t("sheets.milestones"), t("sheets.summary"), t("sheets.about")]);
    const sheet = workbook.getWorksheet(t("sheets.milestones"))!;
    expect(sheet.rowCount).toBe(data[lang].rows.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain(t("fields.title"));
    expect(header).toContain(t("fields.statusLabel"));
    const summaryHeader = (workbook.getWorksheet(t("sheets.summary"))!.getRow(1).values as unknown[]).slice(1);
    expect(summaryHeader).toContain(words.status.completed);
    expect(Boolean(sheet.views[0]?.rightToLeft)).toBe(lang === "ar");
  });

  it("CSV: the header row in the language (English keeps the identifiers), one row per milestone", async () => {
    const csv = (await renderReport(data[lang], "csv")).body.toString("utf8");
    const [header, ...rows] = csv.slice(1).trimEnd().split("\r\n");
    expect(header!.split(",")).toEqual(csvHeader(lang));
    if (lang === "en") expect(csvHeader(lang)).toEqual([...REPORT_ROW_COLUMNS]);
    else expect(csvHeader(lang)).toEqual(REPORT_ROW_COLUMNS.map((column) => t(`fields.${column}`)));
    expect(rows.length).toBeGreaterThanOrEqual(data[lang].rows.length);
  });

  it("JSON: stable English keys, the language's words in the values", async () => {
    const json = JSON.parse((await renderReport(data[lang], "json")).body.toString("utf8")) as { report: { lang: string }; rows: Record<string, unknown>[] };
    expect(json.report.lang).toBe(lang);
    expect(Object.keys(json.rows[0]!)).toEqual([...REPORT_ROW_COLUMNS]);
    expect(json.rows[0]!.statusLabel).toBe(words.status[json.rows[0]!.status as keyof typeof words.status]);
  });
});

describe("the Arabic report reads right to left", () => {
  it("PDF: Arabic comes out as joined text in reading order, in the embedded Arabic font", async () => {
    const body = (await renderReport(data.ar, "pdf")).body;
    const text = await pdfText(body);
    // The title's first words, and Arabic with letters that share a skeleton (ز and ر, ي and ت).
    expect(squash(text)).toContain(squash("التقدم المحرز في مسارات العمل المشتركة"));
    expect(squash(text)).toContain(squash(reportText("ar").t("chapterWorkstreams")));
    expect(body.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic/);
    // No glyph extracted as a control character (an unmapped dot would be).
    expect(text).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
  });

  it("Word: bidirectional paragraphs, right-to-left runs, tables from the right, abjad item letters", async () => {
    const zip = await JSZip.loadAsync((await renderReport(data.ar, "docx")).body);
    const xml = await zip.file("word/document.xml")!.async("string");
    const paragraphs = xml.match(/<w:p>/g)?.length ?? 0;
    expect((xml.match(/<w:bidi\/>/g) ?? []).length).toBeGreaterThanOrEqual(paragraphs);
    expect(xml).toContain("<w:rtl/>");
    expect((xml.match(/<w:bidiVisual\/>/g) ?? []).length).toBe((xml.match(/<w:tbl>/g) ?? []).length);
    expect(xml).toMatch(/<w:jc w:val="end"\/>/);
    const numbering = await zip.file("word/numbering.xml")!.async("string");
    expect(numbering).toContain('w:val="arabicAbjad"');
    // The other languages are left to right.
    const french = await (await JSZip.loadAsync((await renderReport(data.fr, "docx")).body)).file("word/document.xml")!.async("string");
    expect(french).not.toContain("<w:bidi/>");
    expect(french).not.toContain("<w:bidiVisual/>");
  });
});

describe("the timeline image in each language", () => {
  it("has its words in the language, and in Arabic time runs from right to left", async () => {
    const filters = { year: 2021 };
    const monthX = (scene: ReturnType<typeof timelineScene>, label: string) => {
      const shape = scene.shapes.find((item) => item.type === "text" && item.text === label);
      return shape?.type === "text" ? shape.x : Number.NaN;
    };
    const month = (lang: Locale, m: number) =>
      new Intl.DateTimeFormat(reportText(lang).locale, { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2021, m - 1, 1)));
    for (const lang of LOCALES) {
      const { lanes, axis } = await timelineLanes(filters, null, TODAY, lang);
      const scene = timelineScene(lanes, axis!, TODAY, timelineTitle(filters, lang), lang);
      expect(scene.title).toBe(reportText(lang).t("timeline.title", { filters: reportText(lang).year(2021) }));
      const january = monthX(scene, month(lang, 1));
      const december = monthX(scene, month(lang, 12));
      if (lang === "ar") expect(january, lang).toBeGreaterThan(december);
      else expect(january, lang).toBeLessThan(december);
      expect(timelineFileName(filters, "png", lang)).toBe(lang === "en" ? "ceb-timeline-2021.png" : `ceb-timeline-2021-${lang}.png`);
    }
    const { lanes, axis } = await timelineLanes(filters, null, TODAY, "ar");
    const scene = timelineScene(lanes, axis!, TODAY, timelineTitle(filters, "ar"), "ar");
    const png = await renderTimeline(scene, "png");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const text = squash(await pdfText(await renderTimeline(scene, "pdf")));
    expect(text).toContain(squash("الجدول الزمني للمعالم الرئيسية لمسارات العمل"));
    expect(text).toContain(squash(reportText("ar").status.completed));
  });
});

describe("issue 13: exports that read well", () => {
  it("Excel: filters and frozen panes on both sheets, and a native status chart drawn from the Summary's cells", async () => {
    const body = (await renderReport(data.en, "xlsx")).body;
    const zip = await JSZip.loadAsync(body);
    const milestones = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const summary = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(milestones).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${data.en.rows.length + 1}"/>`));
    expect(summary).toMatch(new RegExp(`<autoFilter ref="A1:[A-Z]+${data.en.workstreams.length + 1}"/>`));
    expect(milestones).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(summary).toMatch(/<pane [^>]*xSplit="1" ySplit="1"[^>]*state="frozen"/);
    expect(summary).toContain('<drawing r:id="rIdChart1"/>');
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:grouping val="stacked"/>');
    // One series per status.
    expect((chart.match(/<c:ser>/g) ?? []).length).toBe(MILESTONE_STATUSES.length);
    expect(chart).toContain(`<c:f>'Summary'!$C$2:$C$${data.en.workstreams.length + 1}</c:f>`);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("drawingml.chart+xml");
    // exceljs still reads the workbook back.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("Summary")!.rowCount).toBeGreaterThan(data.en.workstreams.length);
  });

  it("French and Arabic mark English content standing in for a translation, as the pages do", async () => {
    const french = xmlText(await (await JSZip.loadAsync((await renderReport(data.fr, "docx")).body)).file("word/document.xml")!.async("string"));
    expect(french).toContain(`${data.fr.workstreams[0]!.name} (non traduit)`);
    const arabic = squash(await pdfText((await renderReport(data.ar, "pdf")).body));
    expect(arabic).toContain(squash("غير مترجم"));
    expect(data.fr.rows.every((row) => row.titleTranslated === false)).toBe(true);
    // English has nothing to mark.
    expect(xmlText(await (await JSZip.loadAsync((await renderReport(data.en, "docx")).body)).file("word/document.xml")!.async("string"))).not.toContain(
      "not translated",
    );
  }, 60_000);

  it("Word: a column heading too wide for its column is set smaller, never broken inside a word", async () => {
    const xml = await (await JSZip.loadAsync((await renderReport(data.en, "docx")).body)).file("word/document.xml")!.async("string");
    const header = xml.slice(xml.indexOf("<w:tblHeader/>"), xml.indexOf("</w:tr>", xml.indexOf("<w:tblHeader/>")));
    expect(header).toMatch(/<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/><\/w:rPr><w:t xml:space="preserve">Completed</);

    // "Annex" opens its page with its table: nothing keeps it (or the table's caption) apart from it.
    const annex = xml.slice(xml.lastIndexOf("<w:p>", xml.indexOf("Annex\tMilestones of 2021", xml.indexOf("Annex\t") + 1)));
    const [heading, caption] = annex.split("</w:p>");
    expect(heading).toContain("<w:pageBreakBefore/>");
    expect(heading).not.toContain("<w:keepNext/>");
    expect(caption).toContain("Table 2.");
    expect(caption).not.toContain("<w:keepNext/>");
  });
});
