import "server-only";
import { AlignmentType, Document, Footer, Header, HeadingLevel, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from "fflate";
import { approximateWidth, mirrorScene, sceneOf, sceneToSvg } from "../charts";
import type { Block, Cell, ReportDocument, Row, Run } from "../document";
import { REPORT_FONT_FAMILY } from "../fonts";
import type { ReportLang } from "../options";
import { reportText } from "../report-text";
import { type Direction, hasArabic } from "./bidi";
import { textPathIn } from "./glyph-paths";
import { svgToPng } from "./png";

// A4 with 2.25 cm side margins, in twentieths of a point.
const PAGE_WIDTH = 11906;
const PAGE_HEIGHT = 16838;
const SIDE_MARGIN = 1276;
const CONTENT_TWIPS = PAGE_WIDTH - 2 * SIDE_MARGIN;
/** The size of table text (the TableText style's 15 half-points). */
const TABLE_TEXT_PT = 7.5;
/** Chart images: the content width at 96 pixels to the inch. */
const IMAGE_WIDTH_PX = Math.round((CONTENT_TWIPS / 20) * (96 / 72));
const NUM_ID = 1;
const placeholder = (index: number) => `REPORT-BLOCKS-${index}-9c41d2`;

/*
 * The `docx` package builds the package itself (styles, header and footer with page fields,
 * title, chart images and their relationships); the headings, numbered paragraphs and tables,
 * tens of thousands of elements in a large report, are written here as WordprocessingML text
 * in place of placeholder paragraphs. The package's object model took over ten seconds and a
 * gigabyte for 10,000 milestones; this takes a fraction of a second. The XML is the same
 * markup the package writes for these elements.
 */

const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const esc = (text: string) => text.replace(INVALID_XML, "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Language tags Word proofs each report language with. */
const WORD_LANGUAGE: Record<ReportLang, string> = { ar: "ar-SA", zh: "zh-CN", en: "en-GB", fr: "fr-FR", ru: "ru-RU", es: "es-ES" };

/** Item letters as Word numbers them: (a) in English and Chinese, a) in French, Spanish and Russian, (أ) in Arabic. */
const ITEM_NUMBERING: Record<ReportLang, { format: string; text: string }> = {
  ar: { format: "arabicAbjad", text: "(%2)" },
  zh: { format: "lowerLetter", text: "(%2)" },
  en: { format: "lowerLetter", text: "(%2)" },
  fr: { format: "lowerLetter", text: "%2)" },
  ru: { format: "lowerLetter", text: "%2)" },
  es: { format: "lowerLetter", text: "%2)" },
};

/** Latin words and numbers with what lies between them short of an Arabic letter: "UN System Data Cube", "E/2022/13". */
const LATIN_STRETCH = /([A-Za-z0-9\u00C0-\u024F](?:[^\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]*[A-Za-z0-9\u00C0-\u024F)])?)/;

/** Where w:bidi goes among a paragraph's properties: the schema's order puts it before these. */
const AFTER_BIDI = /<w:(?:adjustRightInd|snapToGrid|spacing|ind|contextualSpacing|mirrorIndents|suppressOverlap|jc)\b/;

/**
 * WordprocessingML for one document direction. Right to left, every paragraph is
 * bidirectional (w:bidi), runs of Arabic are marked w:rtl (Word then orders and shapes them as
 * complex script), tables lay their columns out from the right (w:bidiVisual) and cell
 * alignment is written as start and end.
 */
function markup(direction: Direction) {
  const rtl = direction === "rtl";
  const runXml = (text: string, bold: boolean, style: string | undefined, rightToLeft: boolean) => {
    const properties = `${style ? `<w:rStyle w:val="${style}"/>` : ""}${bold ? "<w:b/><w:bCs/>" : ""}${rightToLeft ? "<w:rtl/>" : ""}`;
    return `<w:r>${properties ? `<w:rPr>${properties}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
  };
  /** A run; in an Arabic document split where the text changes between Arabic and other scripts. */
  const textRun = (text: string, bold = false, style?: string): string => {
    if (!rtl || !hasArabic(text)) return runXml(text, bold, style, false);
    // Arabic letters, and what sits between them, in right-to-left runs; Latin words and
    // numbers among them in runs of their own, as Word itself splits typed text.
    return text
      .split(LATIN_STRETCH)
      .filter(Boolean)
      .map((part) => runXml(part, bold, style, !LATIN_STRETCH.test(part)))
      .join("");
  };
  /** Runs with links as HYPERLINK fields, which need no relationship entry. */
  const runsXml = (runs: Run[]) =>
    runs
      .map((run) =>
        run.href
          ? `<w:fldSimple w:instr="${esc(` HYPERLINK "${run.href}" `)}">${runXml(run.text, false, "Hyperlink", false)}</w:fldSimple>`
          : textRun(run.text, run.bold),
      )
      .join("");
  const paragraphXml = (properties: string, content: string) => {
    let pPr = properties;
    if (rtl) {
      const at = pPr.search(AFTER_BIDI);
      pPr = at < 0 ? `${pPr}<w:bidi/>` : `${pPr.slice(0, at)}<w:bidi/>${pPr.slice(at)}`;
    }
    return `<w:p><w:pPr>${pPr}</w:pPr>${content}</w:p>`;
  };
  /** Cell alignment: "left" and "right" of the document model are the start and end of a line. */
  const jc = (align: "left" | "right") => (rtl ? (align === "right" ? "end" : "start") : align);
  return { rtl, textRun, runsXml, paragraphXml, jc };
}

type Markup = ReturnType<typeof markup>;

/** A table as XML chunks: the caption and header, then a row at a time. */
function* tableChunks(block: Extract<Block, { kind: "table" }>, { rtl, textRun, paragraphXml, jc }: Markup, atPageTop = false): Generator<string> {
  const total = block.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = block.columns.map((column) => Math.round((column.width / total) * CONTENT_TWIPS));
  const line = 'w:val="single" w:color="AAB3BF" w:sz="4"';
  const none = 'w:val="none" w:color="FFFFFF" w:sz="0"';
  // A column heading whose longest word is wider than its column ("Completed" over a count) is
  // set smaller rather than broken inside the word ("Complet/ed"), as in the PDF.
  const headRun = (value: string, index: number) => {
    const room = widths[index]! / 20 - 8; // points, less the cell's margins
    const longest = Math.max(...value.split(/\s+/).map((word) => approximateWidth(word, TABLE_TEXT_PT) * 1.1));
    const run = textRun(value, true);
    if (longest <= room) return run;
    const halfPoints = Math.max(8, Math.floor((2 * TABLE_TEXT_PT * room) / longest));
    return run.replaceAll("<w:b/><w:bCs/>", `<w:b/><w:bCs/><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`);
  };
  const cell = (value: Cell, index: number, header: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[index]}"/>${header ? '<w:shd w:fill="EEF1F5" w:color="auto" w:val="clear"/>' : ""}</w:tcPr>` +
    paragraphXml(
      `<w:pStyle w:val="TableText"/><w:jc w:val="${jc(block.columns[index]!.align)}"/>`,
      header ? headRun(value.text, index) : textRun(value.text, value.bold),
    ) +
    "</w:tc>";
  const row = (cells: Cell[], header = false) =>
    `<w:tr><w:trPr><w:cantSplit/>${header ? "<w:tblHeader/>" : ""}</w:trPr>${cells.map((value, index) => cell(value, index, header)).join("")}</w:tr>`;
  // A group heading: one cell across the table, kept with the row after it.
  const groupRow = (value: Cell) =>
    `<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${CONTENT_TWIPS}"/><w:gridSpan w:val="${widths.length}"/><w:shd w:fill="F6F7F9" w:color="auto" w:val="clear"/></w:tcPr>` +
    paragraphXml('<w:pStyle w:val="TableText"/><w:keepNext/>', textRun(value.text, true)) +
    "</w:tc></w:tr>";
  yield (
    // Kept with the table, except at the top of a page (the annex), where there is nothing to keep
    // it from and a renderer that tries to keep it with a many-page table leaves the page blank.
    paragraphXml(`<w:pStyle w:val="Caption"/>${atPageTop ? "" : "<w:keepNext/>"}`, textRun(`${block.label}. ${block.caption}`)) +
    // Child elements in the order the schema requires (Word rejects others): bidiVisual, tblW, tblBorders, tblLayout, tblCellMar.
    `<w:tbl><w:tblPr>${rtl ? "<w:bidiVisual/>" : ""}<w:tblW w:type="dxa" w:w="${CONTENT_TWIPS}"/>` +
    `<w:tblBorders><w:top ${line}/><w:left ${none}/><w:bottom ${line}/><w:right ${none}/><w:insideH ${line}/><w:insideV ${none}/></w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((width) => `<w:gridCol w:w="${width}"/>`).join("")}</w:tblGrid>` +
    row(
      block.columns.map((column) => ({ text: column.header })),
      true,
    )
  );
  for (const cells of block.rows as Row[]) yield cells.group ? groupRow(cells[0]!) : row(cells);
  for (const cells of block.foot) yield row(cells);
  yield "</w:tbl>" + paragraphXml("", "");
}

/** Bookmark number of each heading, for the contents' links. */
type Bookmarks = Map<string, number>;
const bookmarkName = (n: number) => `_Toc${String(n).padStart(6, "0")}`;

/**
 * The contents as a Word TOC field whose cached result already lists every heading as a link:
 * it reads without updating, and Word's "Update field" adds the page numbers.
 */
function contentsXml(report: ReportDocument, bookmarks: Bookmarks, heading: string, { textRun, paragraphXml }: Markup): string {
  const entries = report.toc.map((entry, index) => {
    const begin =
      index === 0
        ? '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        : "";
    const end = index === report.toc.length - 1 ? '<w:r><w:fldChar w:fldCharType="end"/></w:r>' : "";
    return paragraphXml(
      entry.level === 1
        ? '<w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="left" w:pos="680"/></w:tabs><w:spacing w:before="60" w:after="20"/><w:ind w:left="680" w:hanging="680"/>'
        : '<w:pStyle w:val="TOC2"/><w:tabs><w:tab w:val="left" w:pos="1247"/></w:tabs><w:spacing w:after="20"/><w:ind w:left="1247" w:hanging="567"/>',
      `${begin}<w:hyperlink w:anchor="${bookmarkName(bookmarks.get(entry.id)!)}" w:history="1">${textRun(`${entry.label}\t${entry.text}`)}</w:hyperlink>${end}`,
    );
  });
  return paragraphXml('<w:pStyle w:val="ContentsHeading"/><w:keepNext/>', textRun(heading)) + entries.join("");
}

function blockXml(block: Exclude<Block, { kind: "figure" }>, bookmarks: Bookmarks, m: Markup): string {
  const { textRun, runsXml, paragraphXml } = m;
  switch (block.kind) {
    case "heading": {
      const n = bookmarks.get(block.id)!;
      return paragraphXml(
        // A chapter heading opens a page: keeping it with what follows could only push the rest
        // (the annex's long table) away and leave "Annex" alone on a page.
        `<w:pStyle w:val="${block.level === 1 ? "Heading1" : "Heading2"}"/>${block.level === 1 ? "<w:pageBreakBefore/>" : "<w:keepNext/>"}<w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs>`,
        `<w:bookmarkStart w:id="${n}" w:name="${bookmarkName(n)}"/>${textRun(`${block.label}\t${block.text}`)}<w:bookmarkEnd w:id="${n}"/>`,
      );
    }
    case "meta":
      return paragraphXml('<w:pStyle w:val="Meta"/><w:keepNext/>', runsXml(block.runs));
    case "paragraph":
      return (
        paragraphXml(
          `<w:pStyle w:val="ListParagraph"/>${block.items.length ? "<w:keepNext/>" : ""}<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${NUM_ID}"/></w:numPr>`,
          runsXml(block.runs),
        ) +
        block.items
          .map((item) =>
            paragraphXml(`<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="${NUM_ID}"/></w:numPr>`, runsXml(item.runs)),
          )
          .join("")
      );
    case "table":
      return [...tableChunks(block, m)].join("");
  }
}

/** Writes document.xml into `part`: the template with each placeholder replaced by its blocks. */
/** A run of blocks written as XML, or XML ready to insert. */
type Group = Exclude<Block, { kind: "figure" }>[] | string;

function writeDocument(template: string, groups: Group[], bookmarks: Bookmarks, part: ZipDeflate, m: Markup): void {
  let pending = "";
  const write = (xml: string, final = false) => {
    pending += xml;
    if (pending.length >= 1 << 16 || final) {
      part.push(strToU8(pending), final);
      pending = "";
    }
  };
  let from = 0;
  groups.forEach((group, index) => {
    const marker = template.indexOf(placeholder(index), from);
    if (marker < 0) throw new Error(`docx: placeholder ${index} not found`);
    const start = Math.max(template.lastIndexOf("<w:p>", marker), template.lastIndexOf("<w:p ", marker));
    write(template.slice(from, start));
    if (typeof group === "string") write(group);
    else
      group.forEach((block, position) => {
        const previous = group[position - 1];
        const atPageTop = previous?.kind === "heading" && previous.level === 1;
        if (block.kind === "table") for (const chunk of tableChunks(block, m, atPageTop)) write(chunk);
        else write(blockXml(block, bookmarks, m));
      });
    from = template.indexOf("</w:p>", marker) + "</w:p>".length;
  });
  write(template.slice(from), true);
}

/** Paragraph numbers 1., 2., … and lettered items (a), (b), … restarting under each paragraph. */
const numberingXml = (lang: ReportLang) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>' +
  `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="${ITEM_NUMBERING[lang].format}"/><w:lvlText w:val="${ITEM_NUMBERING[lang].text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl>` +
  "</w:abstractNum>" +
  `<w:num w:numId="${NUM_ID}"><w:abstractNumId w:val="0"/></w:num>` +
  "</w:numbering>";

/**
 * Renders the report document as Word: real headings (the navigation pane and a table of
 * contents inserted in Word find them), paragraphs and items numbered by Word's own
 * numbering, editable tables with a repeating header row, charts as PNG images with alt text.
 */
export async function renderDocx(report: ReportDocument): Promise<Buffer> {
  const words = reportText(report.lang);
  const m = markup(report.direction);
  // Paragraphs the docx package writes: bidirectional, with right-to-left runs, in Arabic.
  const bidirectional = m.rtl;
  const run = (text: string) => new TextRun({ text, rightToLeft: m.rtl && hasArabic(text) });
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, bidirectional, children: [run(report.title)] }),
    new Paragraph({ style: "Subtitle", bidirectional, children: [run(report.subtitle)] }),
    ...report.lines.map((line) => new Paragraph({ bidirectional, children: [run(line)] })),
  ];
  const bookmarks: Bookmarks = new Map(report.toc.map((entry, index) => [entry.id, index + 1]));
  const groups: Group[] = [];
  let pending: Exclude<Block, { kind: "figure" }>[] = [];
  const flush = () => {
    if (!pending.length) return;
    children.push(new Paragraph({ children: [new TextRun(placeholder(groups.length))] }));
    groups.push(pending);
    pending = [];
  };
  children.push(new Paragraph({ children: [new TextRun(placeholder(groups.length))] }));
  groups.push(contentsXml(report, bookmarks, words.t("contents"), m));
  for (const block of report.blocks) {
    if (block.kind !== "figure") {
      pending.push(block);
      continue;
    }
    flush();
    const drawn = sceneOf(block.chart, CONTENT_TWIPS / 20, block.caption);
    const scene = m.rtl ? mirrorScene(drawn) : drawn;
    const png = svgToPng(sceneToSvg(scene, REPORT_FONT_FAMILY, textPathIn(report.direction, report.lang === "zh")), 2);
    const height = Math.round((IMAGE_WIDTH_PX * scene.height) / scene.width);
    children.push(new Paragraph({ style: "Caption", keepNext: true, bidirectional, children: [run(`${block.label}. ${block.caption}`)] }));
    children.push(
      new Paragraph({
        bidirectional,
        children: [
          new ImageRun({
            type: "png",
            data: png,
            transformation: { width: IMAGE_WIDTH_PX, height },
            altText: { name: block.id, title: block.caption, description: `${block.label}. ${block.caption}` },
          }),
        ],
      }),
    );
  }
  flush();

  // "Page {n} of {m}" in the report's language, with Word's page fields in place of n and m.
  const [current, total] = [words.num(111111), words.num(222222)];
  const [before, between, after] = words.t("page", { page: 111111, pages: 222222 }).split(new RegExp(`${current}|${total}`));
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        style: "Meta",
        bidirectional,
        children: [new TextRun({ rightToLeft: m.rtl, children: [before ?? "", PageNumber.CURRENT, between ?? "", PageNumber.TOTAL_PAGES, after ?? ""] })],
      }),
    ],
  });
  const document = new Document({
    title: report.title,
    subject: report.subtitle,
    creator: "CEB Workstream Tracker",
    styles: {
      default: {
        document: {
          run: {
            // Arial for complex script (Arabic runs): it has Arabic on Windows and macOS alike.
            font: { ascii: "Calibri", hAnsi: "Calibri", eastAsia: report.lang === "zh" ? "Microsoft YaHei" : REPORT_FONT_FAMILY, cs: "Arial" },
            size: 21,
            language: { value: WORD_LANGUAGE[report.lang], eastAsia: "zh-CN", bidirectional: "ar-SA" },
          },
          // lineRule "auto" spelled out: LibreOffice otherwise takes the line height as exact, clipping images.
          paragraph: { spacing: { after: 100, line: 276, lineRule: LineRuleType.AUTO } },
        },
        heading1: { run: { size: 28, bold: true, color: "0B3D6B" }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading2: { run: { size: 24, bold: true, color: "1C2430" }, paragraph: { spacing: { before: 240, after: 80 }, indent: { left: 567, hanging: 567 } } },
        title: { run: { size: 40, bold: true, color: "0B3D6B" }, paragraph: { spacing: { after: 160, line: 240, lineRule: LineRuleType.AUTO } } },
      },
      paragraphStyles: [
        { id: "Subtitle", name: "Subtitle", basedOn: "Normal", run: { color: "4F5B6B", size: 22 } },
        { id: "Meta", name: "Meta", basedOn: "Normal", run: { color: "4F5B6B", size: 18 } },
        { id: "Caption", name: "Caption", basedOn: "Normal", run: { bold: true, size: 19 }, paragraph: { spacing: { before: 160, after: 80 } } },
        {
          id: "TableText",
          name: "Table Text",
          basedOn: "Normal",
          run: { size: TABLE_TEXT_PT * 2 },
          paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
        },
        {
          id: "ContentsHeading",
          name: "Contents Heading",
          basedOn: "Normal",
          run: { size: 28, bold: true, color: "0B3D6B" },
          paragraph: { spacing: { before: 360, after: 120 } },
        },
      ],
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE_WIDTH, height: PAGE_HEIGHT }, margin: { top: 1247, bottom: 1247, left: SIDE_MARGIN, right: SIDE_MARGIN } } },
        headers: { default: new Header({ children: [new Paragraph({ style: "Meta", bidirectional, children: [run(report.title)] })] }) },
        footers: { default: footer },
        children,
      },
    ],
  });

  // Swap each placeholder paragraph for its blocks' XML, streaming the document part into the
  // zip block by block, so a large report is never held as one string.
  const files = unzipSync(await Packer.toBuffer(document));
  const template = strFromU8(files["word/document.xml"]!);
  const output: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    output.push(chunk);
  });
  for (const [name, content] of Object.entries(files)) {
    if (name === "word/document.xml") {
      const part = new ZipDeflate(name, { level: 1 });
      zip.add(part);
      writeDocument(template, groups, bookmarks, part, m);
    } else {
      const part = new ZipDeflate(name, { level: 6 });
      zip.add(part);
      part.push(name === "word/numbering.xml" ? strToU8(numberingXml(report.lang)) : content, true);
    }
  }
  zip.end();
  return Buffer.concat(output);
}
