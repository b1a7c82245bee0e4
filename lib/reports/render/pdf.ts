import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { ellipsisFor, mirrorScene, type Scene, sceneOf } from "../charts";
import type { Block, Column, ReportDocument, Row, Run } from "../document";
import { reportFontBuffers } from "../fonts";
import { reportText } from "../report-text";
import { arabicFontName, type Line, PdfText, type Span, type Style } from "./pdf-text";

type PDFDocumentConstructor = new (options?: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

let PDFDocumentClass: PDFDocumentConstructor | null = null;

/**
 * Registers Noto Sans SC as "R" (regular) and "B" (bold), and Noto Sans Arabic as "AR" and "AB"
 * (see arabicFontName), from the bytes shared by all documents. pdfkit picks one font per text
 * operator; PdfText chooses the Arabic face for Arabic letters. A font is embedded only if used.
 */
export function registerReportFonts(doc: PDFKit.PDFDocument): void {
  const fonts = reportFontBuffers();
  doc.registerFont("R", fonts.regular);
  doc.registerFont("B", fonts.bold);
  doc.registerFont(arabicFontName("R"), fonts.arabicRegular);
  doc.registerFont(arabicFontName("B"), fonts.arabicBold);
}

/** pdfkit reads data files beside its code; it is loaded from node_modules at run time, unbundled. */
export function loadPdfKit(): PDFDocumentConstructor {
  if (!PDFDocumentClass) {
    const requireFromApp = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
    const name = ["pdf", "kit"].join("");
    const loaded = requireFromApp(name) as PDFDocumentConstructor & { default?: PDFDocumentConstructor };
    PDFDocumentClass = loaded.default ?? loaded;
  }
  return PDFDocumentClass;
}

// A4 in points, with margins close to those of UN documents.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 62, bottom: 64, left: 64, right: 64 };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const NUMBER_WIDTH = 26;
const ITEM_LABEL_WIDTH = 24;

const TEXT = "#1c2430";
const MUTED = "#4f5b6b";
const LINK = "#0b5cad";
const RULE = "#aab3bf";
const HEAD_FILL = "#eef1f5";
const GROUP_FILL = "#f6f7f9";

/** Renders the report document as an A4 PDF with a table of contents and page numbers. */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const PDFDocument = loadPdfKit();
  const words = reportText(report.lang);
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    lang: words.locale,
    displayTitle: true,
    info: { Title: report.title, Subject: report.subtitle, Author: "CEB Workstream Tracker", Creator: "CEB Workstream Tracker" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  registerReportFonts(doc);
  const text = new PdfText(doc, report.direction, report.lang === "zh");
  // The layout below is written left to right; a right-to-left document mirrors every box
  // (text starts at the right margin, table columns run from the right, charts are mirrored).
  const rtl = report.direction === "rtl";
  const mx = (x: number, w: number) => (rtl ? PAGE.width - x - w : x);
  /** Where a line `lineWidth` wide starts in the box [x, x + width): at the box's start, or its end. */
  const lineAt = (x: number, width: number, lineWidth: number, end = false) => mx(end ? x + width - lineWidth : x, lineWidth);
  const stringAt = (value: string, x: number, width: number, textStyle: Style, end = false) => lineAt(x, width, text.width(value, textStyle), end);
  const style = (font: "R" | "B", size: number, color = TEXT, href?: string): Style => ({ font, size, color, href });
  const S = {
    title: style("B", 18),
    subtitle: style("R", 10.5, MUTED),
    body: style("R", 9.5),
    bold: style("B", 9.5),
    meta: style("R", 8.5, MUTED),
    h1: style("B", 13),
    h2: style("B", 11),
    caption: style("B", 9),
    cell: style("R", 7.8),
    cellBold: style("B", 7.8),
    cellHead: style("B", 7),
    small: style("R", 8, MUTED),
    toc: style("R", 9.5),
    tocBold: style("B", 9.5),
  };
  const links = new Map<string, Style>();
  const linkStyle = (base: Style, href: string) => {
    const key = `${base.font}|${base.size}|${href}`;
    let found = links.get(key);
    if (!found) links.set(key, (found = { ...base, color: LINK, href }));
    return found;
  };
  const spans = (runs: Run[], base: Style, bold: Style): Span[] =>
    runs.map((run) => ({ text: run.text, style: run.href ? linkStyle(base, run.href) : run.bold ? bold : base }));

  let y = MARGIN.top;
  const newPage = () => {
    text.flush();
    doc.addPage();
    y = MARGIN.top;
  };
  const ensure = (height: number) => {
    if (y + height > BOTTOM) newPage();
  };
  const lineHeight = (size: number) => size * 1.42;
  const drawLines = (lines: Line[], x: number, size: number) => {
    const lh = lineHeight(size);
    for (const line of lines) {
      ensure(lh);
      text.drawLine(line, lineAt(x, MARGIN.left + CONTENT - x, line.width), y);
      y += lh;
    }
  };

  // Title page with the reserved table of contents.
  newPage();
  drawLines(text.wrap([{ text: report.title, style: S.title }], CONTENT), MARGIN.left, 18);
  y += 4;
  drawLines(text.wrap([{ text: report.subtitle, style: S.subtitle }], CONTENT), MARGIN.left, 10.5);
  y += 6;
  for (const line of report.lines) drawLines(text.wrap([{ text: line, style: S.body }], CONTENT), MARGIN.left, 9.5);
  y += 8;
  doc
    .moveTo(MARGIN.left, y)
    .lineTo(MARGIN.left + CONTENT, y)
    .lineWidth(0.8)
    .strokeColor(RULE)
    .stroke();
  y += 14;
  drawLines(text.wrap([{ text: words.t("contents"), style: S.h1 }], CONTENT), MARGIN.left, 13);
  y += 4;
  const tocSlots: { page: number; y: number }[] = [];
  const tocLine = lineHeight(9.5) + 1.5;
  for (let i = 0; i < report.toc.length; i++) {
    ensure(tocLine);
    tocSlots.push({ page: doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1, y });
    y += tocLine;
  }

  const headingPages = new Map<string, number>();
  let outlineChapter: PDFKit.PDFOutline | null = null;
  const currentPage = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;

  const drawHeading = (block: Extract<Block, { kind: "heading" }>) => {
    const size = block.level === 1 ? 13 : 11;
    const headingStyle = block.level === 1 ? S.h1 : S.h2;
    const label = block.label;
    // "Annex" stands on its own line above the annex's title, as in UN documents; numbers and
    // letters ("I.", "A.", "أولا -") go beside the heading, in a column as wide as they need.
    const inline = block.id !== "annex";
    const labelWidth = Math.max(block.level === 1 ? 30 : NUMBER_WIDTH, text.width(label, headingStyle) + 8);
    const lines = text.wrap([{ text: block.text, style: headingStyle }], CONTENT - labelWidth);
    // The overview opens after the contents and the annex on a page of its own; other chapters
    // follow on (with room for their first lines), so a short figure never leaves a page empty.
    if (block.level === 1 && (block.id === "overview" || block.id === "annex")) newPage();
    else y += block.level === 1 ? 16 : 10;
    // Keep a heading with the first lines after it.
    ensure(lines.length * lineHeight(size) + 3 * lineHeight(9.5));
    headingPages.set(block.id, currentPage());
    doc.addNamedDestination(block.id, "XYZ", MARGIN.left, PAGE.height - y, null);
    const fullTitle = `${label} ${block.text}`;
    if (block.level === 1) outlineChapter = doc.outline.addItem(fullTitle);
    else (outlineChapter ?? doc.outline).addItem(fullTitle);
    if (inline) {
      text.drawString(label, stringAt(label, MARGIN.left, labelWidth, headingStyle), y, headingStyle);
      drawLines(lines, MARGIN.left + labelWidth, size);
    } else {
      drawLines(text.wrap([{ text: label, style: headingStyle }], CONTENT), MARGIN.left, size);
      drawLines(text.wrap([{ text: block.text, style: headingStyle }], CONTENT), MARGIN.left, size);
    }
    y += block.level === 1 ? 6 : 3;
  };

  const drawParagraph = (block: Extract<Block, { kind: "paragraph" }>) => {
    const lh = lineHeight(9.5);
    const lines = text.wrap(spans(block.runs, S.body, S.bold), CONTENT - NUMBER_WIDTH);
    const items = block.items.map((item) => ({
      label: item.label,
      lines: text.wrap(spans(item.runs, S.body, S.bold), CONTENT - NUMBER_WIDTH - ITEM_LABEL_WIDTH),
    }));
    // Keep a paragraph's opening (and its first item) together.
    const firstItem = items[0]?.lines ?? [];
    ensure((Math.min(lines.length, 2) + Math.min(firstItem.length, 2)) * lh + (firstItem.length ? 2 : 0));
    const number = `${words.num(block.number)}.`;
    text.drawString(number, stringAt(number, MARGIN.left, NUMBER_WIDTH, S.body), y, S.body);
    drawLines(lines, MARGIN.left + NUMBER_WIDTH, 9.5);
    for (const item of items) {
      y += 2;
      ensure(Math.min(item.lines.length, 2) * lh);
      text.drawString(item.label, stringAt(item.label, MARGIN.left + NUMBER_WIDTH, ITEM_LABEL_WIDTH, S.body), y, S.body);
      drawLines(item.lines, MARGIN.left + NUMBER_WIDTH + ITEM_LABEL_WIDTH, 9.5);
    }
    y += 5;
  };

  const drawTable = (block: Extract<Block, { kind: "table" }>) => {
    const totalWidth = block.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = block.columns.map((column) => (column.width / totalWidth) * CONTENT);
    const pad = 3;
    const lh = lineHeight(7.8) * 0.92;
    // A column heading whose longest word is wider than its column ("Запланирована") is set
    // smaller rather than broken inside the word.
    const headStyle = (value: string, width: number): Style => {
      const longest = Math.max(...value.split(/\s+/).map((word) => text.width(word, S.cellHead)));
      return longest <= width ? S.cellHead : { ...S.cellHead, size: Math.max(4, (S.cellHead.size * width) / longest - 0.05) };
    };
    const layoutRow = (cells: Row, header: boolean) => {
      const cellWidths = cells.group ? [CONTENT] : widths;
      const wrapped = cells.map((cell, index) => {
        const width = cellWidths[index]! - 2 * pad;
        return text.wrap([{ text: cell.text, style: header ? headStyle(cell.text, width) : cell.bold ? S.cellBold : S.cell }], width);
      });
      return { wrapped, group: Boolean(cells.group), height: Math.max(1, ...wrapped.map((lines) => lines.length)) * lh + 2 * pad };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>, columns: Column[], fill?: string) => {
      let x = MARGIN.left;
      if (fill) text.fillRect(MARGIN.left, y, CONTENT, row.height, fill);
      row.wrapped.forEach((lines, index) => {
        const width = row.group ? CONTENT : widths[index]!;
        let lineY = y + pad;
        for (const line of lines) {
          // "left" and "right" are the start and end of a cell: numbers go to the end.
          text.drawLine(line, lineAt(x + pad, width - 2 * pad, line.width, !row.group && columns[index]!.align === "right"), lineY);
          lineY += lh;
        }
        x += width;
      });
      y += row.height;
      text.rule(MARGIN.left, y, MARGIN.left + CONTENT, y, 0.4, RULE);
    };
    const header = layoutRow(
      block.columns.map((column) => ({ text: column.header, bold: true })),
      true,
    );
    const caption = text.wrap([{ text: `${block.label}. ${block.caption}`, style: S.caption }], CONTENT);
    y += 4;
    ensure(caption.length * lineHeight(9) + header.height + 3 * lh);
    doc.addNamedDestination(block.id, "XYZ", MARGIN.left, PAGE.height - y, null);
    drawLines(caption, MARGIN.left, 9);
    y += 2;
    drawRow(header, block.columns, HEAD_FILL);
    let following: ReturnType<typeof layoutRow> | null = null;
    for (const [index, cells] of block.rows.entries()) {
      const row: ReturnType<typeof layoutRow> = following ?? layoutRow(cells, false);
      // A group heading row keeps at least the row after it.
      following = row.group && block.rows[index + 1] ? layoutRow(block.rows[index + 1]!, false) : null;
      if (y + row.height + (following?.height ?? 0) > BOTTOM) {
        newPage();
        drawRow(header, block.columns, HEAD_FILL);
      }
      drawRow(row, block.columns, row.group ? GROUP_FILL : undefined);
    }
    for (const [index, cells] of block.foot.entries()) {
      const row = layoutRow(cells, false);
      ensure(row.height);
      if (index === 0) text.rule(MARGIN.left, y, MARGIN.left + CONTENT, y, 1, TEXT);
      drawRow(row, block.columns);
    }
    y += 10;
  };

  const drawScene = (scene: Scene, x0: number, y0: number) =>
    drawSceneWith(doc, text, scene, x0, y0, (bold, size, color) => style(bold ? "B" : "R", size, color));

  const drawFigure = (block: Extract<Block, { kind: "figure" }>) => {
    const scene = rtl ? mirrorScene(sceneOf(block.chart, CONTENT, block.caption)) : sceneOf(block.chart, CONTENT, block.caption);
    const caption = text.wrap([{ text: `${block.label}. ${block.caption}`, style: S.caption }], CONTENT);
    y += 4;
    ensure(caption.length * lineHeight(9) + scene.height + 6);
    doc.addNamedDestination(block.id, "XYZ", MARGIN.left, PAGE.height - y, null);
    drawLines(caption, MARGIN.left, 9);
    y += 4;
    drawScene(scene, MARGIN.left, y);
    y += scene.height + 12;
  };

  for (const block of report.blocks) {
    switch (block.kind) {
      case "heading":
        drawHeading(block);
        break;
      case "meta":
        drawLines(text.wrap(spans(block.runs, S.meta, S.meta), CONTENT), MARGIN.left, 8.5);
        y += 4;
        break;
      case "paragraph":
        drawParagraph(block);
        break;
      case "table":
        drawTable(block);
        break;
      case "figure":
        drawFigure(block);
        break;
    }
  }

  // Fill in the table of contents, then running heads and page numbers on every page.
  const range = doc.bufferedPageRange();
  report.toc.forEach((entry, index) => {
    const slot = tocSlots[index]!;
    text.flush();
    doc.switchToPage(slot.page);
    const page = (headingPages.get(entry.id) ?? 0) + 1;
    const entryStyle = entry.level === 1 ? S.tocBold : S.toc;
    const indent = entry.level === 1 ? 0 : 18;
    const number = words.num(page);
    const numberWidth = text.width(number, entryStyle);
    const labelWidth = Math.max(entry.level === 1 ? 30 : NUMBER_WIDTH, text.width(entry.label, entryStyle) + 6);
    const available = CONTENT - indent - labelWidth - numberWidth - 16;
    const fitted = fitToWidth(text, entry.text, entryStyle, available);
    const fittedWidth = text.width(fitted, entryStyle);
    text.drawString(entry.label, lineAt(MARGIN.left + indent, labelWidth, text.width(entry.label, entryStyle)), slot.y, entryStyle);
    text.drawString(fitted, lineAt(MARGIN.left + indent + labelWidth, fittedWidth, fittedWidth), slot.y, entryStyle);
    const textEnd = MARGIN.left + indent + labelWidth + fittedWidth + 4;
    const numberX = MARGIN.left + CONTENT - numberWidth;
    // Dot leaders from the entry to its page number.
    const dotY = slot.y + 9.5 * 1.05;
    if (numberX - 4 > textEnd) {
      const from = mx(textEnd, numberX - 4 - textEnd);
      doc
        .moveTo(from, dotY)
        .lineTo(from + numberX - 4 - textEnd, dotY)
        .lineWidth(0.6)
        .dash(0.6, { space: 2.4 })
        .strokeColor(MUTED)
        .stroke()
        .undash();
    }
    text.drawString(number, mx(numberX, numberWidth), slot.y, entryStyle);
    doc.goTo(MARGIN.left, slot.y, CONTENT, lineHeight(9.5), entry.id);
  });
  for (let index = range.start; index < range.start + range.count; index++) {
    text.flush();
    doc.switchToPage(index);
    const pageText = words.t("page", { page: index + 1, pages: range.count });
    text.drawString(pageText, MARGIN.left + (CONTENT - text.width(pageText, S.small)) / 2, PAGE.height - MARGIN.bottom + 22, S.small);
    if (index > range.start) {
      const head = fitToWidth(text, report.title, S.small, CONTENT);
      text.drawString(head, stringAt(head, MARGIN.left, CONTENT, S.small), MARGIN.top - 30, S.small);
      doc
        .moveTo(MARGIN.left, MARGIN.top - 16)
        .lineTo(MARGIN.left + CONTENT, MARGIN.top - 16)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
    }
  }
  text.flush();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}

/** Draws a chart scene (see charts.ts) with pdfkit's vector primitives and the fast text. */
export function drawSceneWith(
  doc: PDFKit.PDFDocument,
  text: PdfText,
  scene: Scene,
  x0: number,
  y0: number,
  styleOf: (bold: boolean, size: number, color: string) => Style,
): void {
  for (const shape of scene.shapes) {
    switch (shape.type) {
      case "rect":
        if (shape.radius) doc.roundedRect(x0 + shape.x, y0 + shape.y, shape.w, shape.h, shape.radius);
        else doc.rect(x0 + shape.x, y0 + shape.y, shape.w, shape.h);
        if (shape.stroke) {
          doc.lineWidth(shape.strokeWidth ?? 1);
          if (shape.dash) doc.dash(shape.dash[0]!, { space: shape.dash[1] ?? shape.dash[0]! });
          if (shape.fill === "none") doc.strokeColor(shape.stroke).stroke();
          else doc.fillAndStroke(shape.fill, shape.stroke);
          if (shape.dash) doc.undash();
        } else {
          doc.fill(shape.fill);
        }
        break;
      case "line":
        doc
          .moveTo(x0 + shape.x1, y0 + shape.y1)
          .lineTo(x0 + shape.x2, y0 + shape.y2)
          .lineWidth(shape.width);
        if (shape.dash) doc.dash(shape.dash[0]!, { space: shape.dash[1] ?? shape.dash[0]! });
        doc.strokeColor(shape.stroke).stroke();
        if (shape.dash) doc.undash();
        break;
      case "polyline": {
        const [first, ...rest] = shape.points;
        if (!first) break;
        doc.moveTo(x0 + first[0], y0 + first[1]);
        for (const [px, py] of rest) doc.lineTo(x0 + px, y0 + py);
        doc.lineWidth(shape.width).lineJoin("round");
        if (shape.dash) doc.dash(shape.dash[0]!, { space: shape.dash[1] ?? shape.dash[0]! });
        doc.strokeColor(shape.stroke).stroke();
        if (shape.dash) doc.undash();
        break;
      }
      case "circle":
        doc.circle(x0 + shape.cx, y0 + shape.cy, shape.r).fill(shape.fill);
        break;
      case "text": {
        const textStyle = styleOf(Boolean(shape.bold), shape.size, shape.fill);
        const width = text.width(shape.text, textStyle);
        const x = shape.anchor === "end" ? shape.x - width : shape.anchor === "middle" ? shape.x - width / 2 : shape.x;
        text.drawAtBaseline(shape.text, x0 + x, y0 + shape.y, textStyle);
        break;
      }
    }
  }
}

function fitToWidth(text: PdfText, value: string, style: Style, width: number): string {
  if (text.width(value, style) <= width) return value;
  const ellipsis = ellipsisFor(value);
  const chars = [...value];
  while (chars.length && text.width(`${chars.join("")}${ellipsis}`, style) > width) chars.pop();
  return `${chars.join("").trimEnd()}${ellipsis}`;
}
