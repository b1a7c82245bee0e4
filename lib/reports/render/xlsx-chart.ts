import "server-only";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { MilestoneStatus } from "@/lib/domain/status";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

/**
 * A native Excel chart for a sheet that exceljs has written. exceljs reads and writes charts
 * nowhere (and its streaming writer draws no images either), so the chart's three parts are
 * added to the package afterwards: the chart (DrawingML, a stacked bar per workstream that
 * refers to the sheet's own cells, so it follows edits), the drawing that anchors it, and the
 * relationships and content types that tie them in. ADR 011 says why this rather than an image.
 */
export type StackedBarChart = {
  /** The sheet's part number (sheet2.xml → 2) and name, as formulas refer to it. */
  sheetIndex: number;
  sheetName: string;
  title: string;
  /** Rows of the categories and values (1-based, inclusive) and the categories' column letter. */
  firstRow: number;
  lastRow: number;
  categoryColumn: string;
  categories: string[];
  series: { status: MilestoneStatus; name: string; column: string; values: number[] }[];
  /** Where the chart sits: zero-based column and row of its top-left and bottom-right corners. */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
  rightToLeft: boolean;
};

const esc = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'`;

function chartXml(chart: StackedBarChart): string {
  const ref = (column: string) => `${sheetRef(chart.sheetName)}!$${column}$${chart.firstRow}:$${column}$${chart.lastRow}`;
  const categories =
    `<c:cat><c:strRef><c:f>${esc(ref(chart.categoryColumn))}</c:f><c:strCache><c:ptCount val="${chart.categories.length}"/>` +
    chart.categories.map((name, i) => `<c:pt idx="${i}"><c:v>${esc(name)}</c:v></c:pt>`).join("") +
    `</c:strCache></c:strRef></c:cat>`;
  const series = chart.series
    .map(
      (s, index) =>
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${esc(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${STATUS_COLORS[s.status].replace("#", "").toUpperCase()}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/>${categories}` +
        `<c:val><c:numRef><c:f>${esc(ref(s.column))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>` +
        s.values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("") +
        `</c:numCache></c:numRef></c:val></c:ser>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${esc(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    // Workstreams read from the top, in the sheet's order; counts along the bottom.
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="${chart.rightToLeft ? "r" : "l"}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    `<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="${chart.rightToLeft ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/><c:axPos val="t"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="500000001"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="1"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(chart: StackedBarChart): string {
  const { fromColumn, fromRow, toColumn, toRow } = chart.anchor;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const relationship = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;

/** The workbook `xlsx` with `chart` drawn on its sheet. */
export function addStackedBarChart(xlsx: Buffer, chart: StackedBarChart): Buffer {
  const files = unzipSync(new Uint8Array(xlsx));
  const sheetPath = `xl/worksheets/sheet${chart.sheetIndex}.xml`;
  const relsPath = `xl/worksheets/_rels/sheet${chart.sheetIndex}.xml.rels`;
  const sheet = files[sheetPath];
  if (!sheet) throw new Error(`No ${sheetPath} in the workbook`);

  files["xl/charts/chart1.xml"] = strToU8(chartXml(chart));
  files["xl/drawings/drawing1.xml"] = strToU8(drawingXml(chart));
  files["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${RELS}">${relationship("rId1", "chart", "../charts/chart1.xml")}</Relationships>`,
  );
  const drawingRel = relationship("rIdChart1", "drawing", "../drawings/drawing1.xml");
  const rels = files[relsPath]
    ? strFromU8(files[relsPath]!)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${RELS}"></Relationships>`;
  files[relsPath] = strToU8(rels.replace("</Relationships>", `${drawingRel}</Relationships>`));
  // <drawing> follows the page setup and comes before legacy drawings and table parts.
  const sheetXml = strFromU8(sheet);
  const before = ["<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems", "<tableParts", "<extLst", "</worksheet>"]
    .map((tag) => sheetXml.indexOf(tag))
    .filter((index) => index >= 0);
  const at = Math.min(...before);
  files[sheetPath] = strToU8(`${sheetXml.slice(0, at)}<drawing r:id="rIdChart1"/>${sheetXml.slice(at)}`);
  const types = strFromU8(files["[Content_Types].xml"]!);
  files["[Content_Types].xml"] = strToU8(
    types.replace(
      "</Types>",
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
        `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`,
    ),
  );
  return Buffer.from(zipSync(files, { level: 1 }));
}
