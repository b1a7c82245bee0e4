import "server-only";
import { sanitizeDeep } from "@/lib/domain/plain-text";
import { directionOf } from "@/i18n/locales";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { assignRows, type Axis, axisForExtent, isContinuous, milestoneSpan, positionOf, ticksOf } from "@/lib/domain/timeline-layout";
import { type MilestoneRow, milestonesOfWorkstreams } from "@/lib/queries/milestones";
import { milestoneExtent } from "@/lib/queries/stats";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import type { Filters } from "@/lib/validation/filters";
import { approximateWidth, fitLabel, mirrorScene, type Scene, type Shape, sceneToSvg, twoLines } from "./charts";
import { REPORT_FONT_FAMILY } from "./fonts";
import { type ReportLang, reportOptionsSchema } from "./options";
import type { ContentTranslations } from "./report-data";
import { textPathIn } from "./render/glyph-paths";
import { drawSceneWith, loadPdfKit, registerReportFonts } from "./render/pdf";
import { PdfText } from "./render/pdf-text";
import { svgToPng } from "./render/png";
import { reportDate } from "./formatting";
import { inLanguage, reportText } from "./report-text";

/** The `lang` query parameter of the timeline export: the reports' own (`?lang=ar`), English by default. */
export const timelineLangSchema = reportOptionsSchema.shape.lang;

export const TIMELINE_FORMATS = ["png", "pdf"] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

type Lane = { name: string; milestones: (MilestoneRow & { title: string })[] };

const WIDTH = 1200;
const LABEL_WIDTH = 230;
const TRACK_X = LABEL_WIDTH + 16;
const TRACK_WIDTH = WIDTH - TRACK_X - 20;
const ROW = 22;
const BAR = 16;
const TEXT = "#1c2430";
const MUTED = "#4f5b6b";
const GRID = "#e4e8ee";
const TODAY = "#b3261e";

/** A colour mixed with white: year-long bars are pale, month bars stronger, as on the page. */
function tint(hex: string, share: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * share + 255 * (1 - share));
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The /timeline view as a scene: one lane per workstream, each milestone over its date's
 * period, its words in `lang`. In Arabic the whole scene is mirrored: lane names on the right
 * and time running from right to left, the latest dates on the left.
 */
export function timelineScene(lanes: Lane[], axis: Axis, today: string, title: string, lang: ReportLang = "en"): Scene {
  const words = reportText(lang);
  const shapes: Shape[] = [{ type: "text", x: 0, y: 16, text: title, size: 14, anchor: "start", fill: TEXT, bold: true }];
  // Legend: statuses, then overdue and today.
  let x = 0;
  const legendY = 30;
  for (const status of MILESTONE_STATUSES) {
    shapes.push({ type: "rect", x, y: legendY, w: 10, h: 10, fill: STATUS_COLORS[status] });
    shapes.push({ type: "text", x: x + 14, y: legendY + 9, text: words.status[status], size: 10, anchor: "start", fill: TEXT });
    x += 30 + approximateWidth(words.status[status], 10);
  }
  shapes.push({ type: "rect", x, y: legendY, w: 14, h: 10, fill: "#ffffff", stroke: TODAY, strokeWidth: 1.5, dash: [3, 2] });
  shapes.push({ type: "text", x: x + 18, y: legendY + 9, text: words.overdue, size: 10, anchor: "start", fill: TEXT });
  x += 36 + approximateWidth(words.overdue, 10);
  shapes.push({ type: "line", x1: x + 5, y1: legendY - 1, x2: x + 5, y2: legendY + 11, stroke: TODAY, width: 2 });
  shapes.push({
    type: "text",
    x: x + 12,
    y: legendY + 9,
    text: words.t("timeline.today", { date: reportDate(today, lang) }),
    size: 10,
    anchor: "start",
    fill: TEXT,
  });

  const axisY = 62;
  const monthFormat = new Intl.DateTimeFormat(words.locale, { month: "short", timeZone: "UTC" });
  const ticks = ticksOf(axis, (year, month) => monthFormat.format(new Date(Date.UTC(year, month - 1, 1))), words.year);
  for (const tick of ticks) {
    shapes.push({ type: "text", x: TRACK_X + tick.position * TRACK_WIDTH + 3, y: axisY, text: tick.label, size: 10, anchor: "start", fill: MUTED });
  }
  let y = axisY + 8;
  const lanesTop = y;
  for (const lane of lanes) {
    const placed = assignRows(
      lane.milestones.map((milestone) => ({ milestone, ...milestoneSpan(milestone, axis) })),
      0.018,
    );
    const rows = Math.max(1, ...placed.map((item) => item.row + 1));
    const height = Math.max(rows * ROW + 8, 34);
    shapes.push({ type: "line", x1: 0, y1: y, x2: WIDTH, y2: y, stroke: "#d5dae1", width: 1 });
    twoLines(lane.name, 10.5, LABEL_WIDTH).forEach((line, index) => {
      shapes.push({ type: "text", x: 0, y: y + 16 + index * 13, text: line, size: 10.5, anchor: "start", fill: TEXT });
    });
    for (const item of placed) {
      const { milestone } = item;
      const color = STATUS_COLORS[milestone.status];
      const top = y + 4 + item.row * ROW;
      const left = TRACK_X + item.start * TRACK_WIDTH;
      const band = isContinuous(milestone);
      if (milestone.datePrecision === "day" && !band) {
        shapes.push({ type: "circle", cx: left, cy: top + BAR / 2, r: 5, fill: color });
        if (milestone.overdue)
          shapes.push({ type: "rect", x: left - 7, y: top + 1, w: 14, h: BAR - 2, fill: "none", stroke: TODAY, strokeWidth: 1.2, dash: [3, 2] });
        continue;
      }
      const width = Math.max(item.width * TRACK_WIDTH, 6);
      shapes.push({
        type: "rect",
        x: left,
        y: top,
        w: width,
        h: BAR,
        radius: 3,
        // Ongoing work: a continuous band in its colour, running on to the end of the axis.
        fill: band ? tint(color, 0.45) : tint(color, milestone.datePrecision === "year" ? 0.3 : 0.55),
        stroke: milestone.overdue ? TODAY : color,
        strokeWidth: milestone.overdue ? 1.6 : 1.2,
        dash: milestone.overdue ? [4, 2] : undefined,
      });
      if (width > 40)
        shapes.push({ type: "text", x: left + 4, y: top + 12, text: fitLabel(milestone.title, 9, width - 8), size: 9, anchor: "start", fill: TEXT });
    }
    y += height;
  }
  shapes.push({ type: "line", x1: 0, y1: y, x2: WIDTH, y2: y, stroke: "#d5dae1", width: 1 });
  // Grid lines and today's line go under the bars: put them first.
  const under: Shape[] = ticks.map((tick) => ({
    type: "line",
    x1: TRACK_X + tick.position * TRACK_WIDTH,
    y1: lanesTop - 14,
    x2: TRACK_X + tick.position * TRACK_WIDTH,
    y2: y,
    stroke: GRID,
    width: 1,
  }));
  if (today >= axis.start && today <= axis.end) {
    const todayX = TRACK_X + positionOf(today, axis) * TRACK_WIDTH;
    shapes.push({ type: "line", x1: todayX, y1: lanesTop, x2: todayX, y2: y, stroke: TODAY, width: 2 });
  }
  const scene: Scene = { width: WIDTH, height: y + 12, title, shapes: [...under, ...shapes] };
  return directionOf(lang) === "rtl" ? mirrorScene(scene) : scene;
}

/**
 * The lanes the timeline shows for these filters: every matching workstream, or one page of
 * them, with names and titles in `lang` (English where `translations` has none).
 */
export async function timelineLanes(
  filters: Filters,
  paging: { page: number; pageSize: number } | null,
  today: string,
  lang: ReportLang = "en",
  translations?: ContentTranslations,
  window?: { from: string; to: string },
): Promise<{ lanes: Lane[]; axis: Axis | null }> {
  const summaries = await listWorkstreamSummaries(filters, paging ?? { page: 1, pageSize: 100_000 }, today);
  // With a window (the roadmap's on screen), only what reaches into it, on an axis of exactly it.
  const milestones = (
    await milestonesOfWorkstreams(
      summaries.items.map((item) => item.id),
      filters,
      today,
    )
  ).filter((milestone) => !window || (milestone.periodStart <= window.to && milestone.periodEnd >= window.from));
  const lanes = summaries.items.map((item) => ({
    name: inLanguage(lang, item.nameEn, item.nameZh, translations?.({ kind: "workstream", id: item.id, field: "name" })),
    milestones: milestones
      .filter((milestone) => milestone.workstreamId === item.id)
      .map((milestone) => ({
        ...milestone,
        title: inLanguage(lang, milestone.titleEn, milestone.titleZh, translations?.({ kind: "milestone", id: milestone.id, field: "title" })),
      })),
  }));
  if (window) return { lanes, axis: { start: window.from, end: window.to } };
  const extent = filters.year !== undefined ? { start: `${filters.year}-01-01`, end: `${filters.year}-12-31` } : await milestoneExtent(filters);
  return { lanes, axis: extent ? axisForExtent(extent) : null };
}

export function timelineTitle(filters: Filters, lang: ReportLang = "en"): string {
  const words = reportText(lang);
  const parts = [
    filters.year !== undefined ? words.year(filters.year) : words.t("timeline.allYears"),
    filters.body,
    filters.workstream,
    filters.status?.map((status) => words.status[status]).join(words.punct.list),
  ];
  return words.t("timeline.title", { filters: parts.filter(Boolean).join(" · ") });
}

/** ceb-timeline-2021-hlcp.png; other languages than English add theirs: ceb-timeline-2021-ar.png. */
export function timelineFileName(filters: Filters, format: TimelineFormat, lang: ReportLang = "en"): string {
  const parts = [
    "ceb-timeline",
    filters.year,
    filters.body?.toLowerCase(),
    filters.workstream,
    filters.status?.join("-"),
    lang === "en" ? undefined : lang,
  ].filter((part) => part !== undefined && part !== "");
  return `${parts.join("-")}.${format}`;
}

/**
 * Renders the timeline as a PNG (2× for sharp text) or a one-page vector PDF of the same size;
 * its texts pass through `sanitizeDeep` first, as the reports' do (lib/reports/export.ts).
 */
export async function renderTimeline(unsafe: Scene, format: TimelineFormat): Promise<Buffer> {
  const scene = sanitizeDeep(unsafe);
  const direction = scene.direction ?? "ltr";
  if (format === "png") return svgToPng(sceneToSvg(scene, REPORT_FONT_FAMILY, textPathIn(direction)), 2);
  const PDFDocument = loadPdfKit();
  const margin = 24;
  const doc = new PDFDocument({
    size: [scene.width + 2 * margin, scene.height + 2 * margin],
    margin,
    info: { Title: scene.title, Author: "CEB Workstream Tracker", Creator: "CEB Workstream Tracker" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  registerReportFonts(doc);
  const text = new PdfText(doc, direction);
  drawSceneWith(doc, text, scene, margin, margin, (bold, size, color) => ({ font: bold ? "B" : "R", size, color }));
  text.flush();
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
