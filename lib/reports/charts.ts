import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import type { ChartSpec, StatusMixRow } from "./document";
import type { MonthPoint } from "./report-data";

/**
 * The report's charts as plain geometry (rectangles, lines, text) computed once, then drawn
 * by pdfkit for the PDF or serialised to SVG (and to PNG for Word). Sizes are in points.
 */
export type Shape =
  | { type: "rect"; x: number; y: number; w: number; h: number; fill: string; stroke?: string; strokeWidth?: number; dash?: number[]; radius?: number }
  | { type: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number[] }
  | { type: "polyline"; points: [number, number][]; stroke: string; width: number; dash?: number[] }
  | { type: "circle"; cx: number; cy: number; r: number; fill: string }
  | { type: "text"; x: number; y: number; text: string; size: number; anchor: "start" | "middle" | "end"; fill: string; bold?: boolean };

/** `direction` is that of the scene's text: "rtl" once mirrored for an Arabic reader. */
export type Scene = { width: number; height: number; title: string; shapes: Shape[]; direction?: "ltr" | "rtl" };

const TEXT = "#1c2430";
const MUTED = "#4f5b6b";
const GRID = "#d5dae1";

/** Rough advance of a string: CJK characters are a full em, others a little over half. */
export function approximateWidth(text: string, size: number): number {
  let width = 0;
  for (const char of text) width += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(char) ? size : size * 0.56;
  return width;
}

/**
 * The ellipsis for a cut label. Noto Sans SC draws U+2026 centred, as Chinese typesetting
 * wants; Latin text gets three full stops on the baseline instead.
 */
export const ellipsisFor = (text: string) => (/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/.test(text) ? "…" : "...");

/** Cuts a label to fit `width`, ending it with an ellipsis when cut. */
export function fitLabel(text: string, size: number, width: number): string {
  if (approximateWidth(text, size) <= width) return text;
  const ellipsis = ellipsisFor(text);
  const chars = [...text];
  while (chars.length && approximateWidth(`${chars.join("")}${ellipsis}`, size) > width) chars.pop();
  return `${chars.join("").trimEnd()}${ellipsis}`;
}

/** Splits a label into at most two lines that fit `width`. */
export function twoLines(text: string, size: number, width: number): string[] {
  if (approximateWidth(text, size) <= width) return [text];
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+\s*|\s+/g) ?? [
    text,
  ];
  let first = "";
  let index = 0;
  for (; index < tokens.length; index++) {
    if (approximateWidth((first + tokens[index]).trimEnd(), size) > width) break;
    first += tokens[index];
  }
  if (!first) return [fitLabel(text, size, width)];
  // Closing punctuation stays at the end of the first line rather than opening the second.
  while (index < tokens.length && /^[，。、；：！？）」』”’》〉,.;:!?)]/.test(tokens[index]!)) first += tokens[index++];
  return [first.trimEnd(), fitLabel(tokens.slice(index).join("").trim(), size, width)];
}

function niceStep(max: number, targetTicks: number): number {
  if (max <= 0) return 1;
  const raw = max / targetTicks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= raw) ?? 10 * power;
  return Math.max(1, step);
}

function legend(
  items: { label: string; color: string; dashed?: boolean }[],
  x: number,
  y: number,
  width: number,
  size: number,
): { shapes: Shape[]; height: number } {
  const shapes: Shape[] = [];
  let cx = x;
  let cy = y;
  for (const item of items) {
    const itemWidth = 14 + approximateWidth(item.label, size) + 14;
    if (cx + itemWidth > x + width && cx > x) {
      cx = x;
      cy += size + 6;
    }
    if (item.dashed !== undefined) {
      shapes.push({
        type: "line",
        x1: cx,
        y1: cy + size / 2,
        x2: cx + 10,
        y2: cy + size / 2,
        stroke: item.color,
        width: 2,
        dash: item.dashed ? [3, 2] : undefined,
      });
    } else {
      shapes.push({ type: "rect", x: cx, y: cy + 1, w: 9, h: 9, fill: item.color });
    }
    shapes.push({ type: "text", x: cx + 13, y: cy + size - 1, text: item.label, size, anchor: "start", fill: TEXT });
    cx += itemWidth;
  }
  return { shapes, height: cy - y + size + 6 };
}

/** Horizontal stacked bars: milestones by status for each workstream. */
export function statusMixScene(rows: StatusMixRow[], labels: Record<MilestoneStatus, string>, width: number, title: string): Scene {
  const size = 7.5;
  const labelWidth = Math.min(190, width * 0.36);
  const rowHeight = 20;
  const barHeight = 11;
  const plotX = labelWidth + 8;
  const plotWidth = width - plotX - 12;
  const used = MILESTONE_STATUSES.filter((status) => rows.some((row) => row.counts[status] > 0));
  const key = legend(
    (used.length ? used : ["completed" as const]).map((status) => ({ label: labels[status], color: STATUS_COLORS[status] })),
    plotX,
    0,
    plotWidth,
    size,
  );
  const top = key.height + 6;
  const max = Math.max(1, ...rows.map((row) => MILESTONE_STATUSES.reduce((sum, status) => sum + row.counts[status], 0)));
  const step = niceStep(max, 5);
  const axisMax = Math.ceil(max / step) * step;
  const scale = plotWidth / axisMax;
  const plotHeight = Math.max(1, rows.length) * rowHeight;
  const shapes: Shape[] = [...key.shapes];
  for (let value = 0; value <= axisMax; value += step) {
    const x = plotX + value * scale;
    shapes.push({ type: "line", x1: x, y1: top, x2: x, y2: top + plotHeight, stroke: GRID, width: 0.5, dash: value === 0 ? undefined : [2, 2] });
    shapes.push({ type: "text", x, y: top + plotHeight + size + 3, text: String(value), size, anchor: "middle", fill: MUTED });
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    const lines = twoLines(row.label, size, labelWidth);
    lines.forEach((line, lineIndex) => {
      const baseline = y + rowHeight / 2 + size / 2 - 1 + (lineIndex - (lines.length - 1) / 2) * (size + 1.5);
      shapes.push({ type: "text", x: labelWidth, y: baseline, text: line, size, anchor: "end", fill: TEXT });
    });
    let x = plotX;
    for (const status of MILESTONE_STATUSES) {
      const n = row.counts[status];
      if (!n) continue;
      shapes.push({ type: "rect", x, y: y + (rowHeight - barHeight) / 2, w: n * scale, h: barHeight, fill: STATUS_COLORS[status] });
      x += n * scale;
    }
  });
  return { width, height: top + plotHeight + size + 8, title, shapes };
}

/** Step lines: milestones due and completed in the year, cumulative by month. */
export function progressScene(points: MonthPoint[], labels: { due: string; completed: string }, locale: string, width: number, title: string): Scene {
  const size = 7.5;
  const plotX = 34;
  const plotWidth = width - plotX - 12;
  const key = legend(
    [
      { label: labels.due, color: STATUS_COLORS.planned, dashed: true },
      { label: labels.completed, color: STATUS_COLORS.completed, dashed: false },
    ],
    plotX,
    0,
    plotWidth,
    size,
  );
  const top = key.height + 8;
  const plotHeight = 150;
  const bottom = top + plotHeight;
  const max = Math.max(1, ...points.map((point) => Math.max(point.cumulativeDue, point.cumulativeCompleted)));
  const step = niceStep(max, 5);
  const axisMax = Math.ceil(max / step) * step;
  const y = (value: number) => bottom - (value / axisMax) * plotHeight;
  const shapes: Shape[] = [...key.shapes];
  for (let value = 0; value <= axisMax; value += step) {
    shapes.push({
      type: "line",
      x1: plotX,
      y1: y(value),
      x2: plotX + plotWidth,
      y2: y(value),
      stroke: GRID,
      width: 0.5,
      dash: value === 0 ? undefined : [2, 2],
    });
    shapes.push({ type: "text", x: plotX - 4, y: y(value) + size / 2 - 1, text: String(value), size, anchor: "end", fill: MUTED });
  }
  const columnWidth = plotWidth / Math.max(1, points.length);
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  points.forEach((point, index) => {
    const [year, month] = point.month.split("-").map(Number);
    shapes.push({
      type: "text",
      x: plotX + (index + 0.5) * columnWidth,
      y: bottom + size + 4,
      text: monthFormat.format(new Date(Date.UTC(year!, month! - 1, 1))),
      size,
      anchor: "middle",
      fill: MUTED,
    });
  });
  // Each month's value holds from its start to its end (a step after each month).
  const stepLine = (values: number[]): [number, number][] =>
    values.flatMap((value, index) => [
      [plotX + index * columnWidth, y(value)] as [number, number],
      [plotX + (index + 1) * columnWidth, y(value)] as [number, number],
    ]);
  shapes.push({ type: "polyline", points: stepLine(points.map((point) => point.cumulativeDue)), stroke: STATUS_COLORS.planned, width: 1.6, dash: [4, 2] });
  shapes.push({ type: "polyline", points: stepLine(points.map((point) => point.cumulativeCompleted)), stroke: STATUS_COLORS.completed, width: 1.6 });
  points.forEach((point, index) => {
    const cx = plotX + (index + 1) * columnWidth;
    shapes.push({ type: "circle", cx, cy: y(point.cumulativeDue), r: 1.8, fill: STATUS_COLORS.planned });
    shapes.push({ type: "circle", cx, cy: y(point.cumulativeCompleted), r: 1.8, fill: STATUS_COLORS.completed });
  });
  return { width, height: bottom + size + 10, title, shapes };
}

/**
 * The scene as a right-to-left reader expects it: mirrored left to right, so labels stand on
 * the right, bars grow leftwards and time runs from right to left. Text is not mirrored, only
 * anchored at the other end.
 */
export function mirrorScene(scene: Scene): Scene {
  const w = scene.width;
  const flip = { start: "end", end: "start", middle: "middle" } as const;
  const shapes = scene.shapes.map((shape): Shape => {
    switch (shape.type) {
      case "rect":
        return { ...shape, x: w - shape.x - shape.w };
      case "line":
        return { ...shape, x1: w - shape.x1, x2: w - shape.x2 };
      case "polyline":
        return { ...shape, points: shape.points.map(([x, y]) => [w - x, y] as [number, number]) };
      case "circle":
        return { ...shape, cx: w - shape.cx };
      case "text":
        return { ...shape, x: w - shape.x, anchor: flip[shape.anchor] };
    }
  });
  return { ...scene, shapes, direction: "rtl" };
}

export function sceneOf(chart: ChartSpec, width: number, title: string): Scene {
  return chart.type === "statusMix"
    ? statusMixScene(chart.rows, chart.labels, width, title)
    : progressScene(chart.points, chart.labels, chart.locale, width, title);
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
const num = (n: number) => (Math.round(n * 100) / 100).toString();

type TextPath = (text: string, x: number, baseline: number, size: number, anchor: "start" | "middle" | "end", bold?: boolean) => string;

/**
 * The scene as an SVG document, with its title for screen readers. With `textPath`, text is
 * drawn as outlines, so the image needs no font to render.
 */
export function sceneToSvg(scene: Scene, fontFamily: string, textPath?: TextPath): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}" height="${num(scene.height)}" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" role="img" font-family="${escapeXml(fontFamily)}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<rect x="0" y="0" width="${num(scene.width)}" height="${num(scene.height)}" fill="#ffffff"/>`,
  ];
  for (const shape of scene.shapes) {
    switch (shape.type) {
      case "rect":
        out.push(
          `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.w)}" height="${num(shape.h)}"${shape.radius ? ` rx="${num(shape.radius)}"` : ""} fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth ?? 1)}"` : ""}${shape.dash ? ` stroke-dasharray="${shape.dash.join(" ")}"` : ""}/>`,
        );
        break;
      case "line":
        out.push(
          `<line x1="${num(shape.x1)}" y1="${num(shape.y1)}" x2="${num(shape.x2)}" y2="${num(shape.y2)}" stroke="${shape.stroke}" stroke-width="${num(shape.width)}"${shape.dash ? ` stroke-dasharray="${shape.dash.join(" ")}"` : ""}/>`,
        );
        break;
      case "polyline":
        out.push(
          `<polyline points="${shape.points.map(([x, y]) => `${num(x)},${num(y)}`).join(" ")}" fill="none" stroke="${shape.stroke}" stroke-width="${num(shape.width)}"${shape.dash ? ` stroke-dasharray="${shape.dash.join(" ")}"` : ""}/>`,
        );
        break;
      case "circle":
        out.push(`<circle cx="${num(shape.cx)}" cy="${num(shape.cy)}" r="${num(shape.r)}" fill="${shape.fill}"/>`);
        break;
      case "text":
        if (textPath) {
          out.push(
            `<path d="${textPath(shape.text, shape.x, shape.y, shape.size, shape.anchor, shape.bold)}" fill="${shape.fill}"><title>${escapeXml(shape.text)}</title></path>`,
          );
          break;
        }
        out.push(
          `<text x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.size)}" text-anchor="${shape.anchor}" fill="${shape.fill}"${shape.bold ? ' font-weight="700"' : ""}>${escapeXml(shape.text)}</text>`,
        );
        break;
    }
  }
  out.push("</svg>");
  return out.join("\n");
}
