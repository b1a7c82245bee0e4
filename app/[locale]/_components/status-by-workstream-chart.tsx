"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { directionOf, isLocale } from "@/i18n/locales";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { wrapLabel } from "@/lib/domain/wrap-label";
import { STATUS_COLORS } from "./status-colors";

export type StatusByWorkstreamDatum = { name: string } & Record<MilestoneStatus, number>;

type Direction = "ltr" | "rtl";

/** Reading direction of a language tag ("ar", "ar-EG", "en-GB"); unknown languages read left to right. */
export function chartDirection(tag: string): Direction {
  const language = tag.split("-")[0];
  return isLocale(language) ? directionOf(language) : "ltr";
}

/**
 * Props that mirror a chart for right to left. recharts lays out in physical coordinates, so the
 * category or time axis is reversed and the value axis moved to the right by its own props.
 */
export function chartMirror(direction: Direction) {
  const rtl = direction === "rtl";
  return {
    rtl,
    margin: rtl ? { top: 8, right: 8, bottom: 8, left: 24 } : { top: 8, right: 24, bottom: 8, left: 8 },
    sideAxis: rtl ? ("right" as const) : ("left" as const),
    legendAlign: rtl ? ("right" as const) : ("center" as const),
  };
}

/** Milestones by status for each workstream, as horizontal stacked bars. */
export function StatusByWorkstreamChart({ data }: { data: StatusByWorkstreamDatum[] }) {
  const tStatus = useTranslations("status");
  const t = useTranslations("charts");
  const format = useFormatter();
  const direction = chartDirection(useLocale());
  const mirror = chartMirror(direction);
  const formatCount = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  const height = Math.max(160, data.length * 42 + 90);
  return (
    <div className="chart" data-direction={direction}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          title={t("statusByWorkstream")}
          desc={t("statusByWorkstreamAlt", { count: data.length })}
          margin={mirror.margin}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          {/* Right to left, counts grow from the right edge toward the left. */}
          <XAxis type="number" allowDecimals={false} reversed={mirror.rtl} tick={{ fontSize: 13 }} tickFormatter={formatCount} />
          <YAxis
            type="category"
            dataKey="name"
            width={260}
            orientation={mirror.sideAxis}
            tick={WrappedCategoryTick}
            interval={0}
          />
          <Tooltip formatter={formatCount} />
          {/* Keep the series' own order, and legend text in the body colour for contrast. */}
          <Legend
            align={mirror.legendAlign}
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>}
          />
          {MILESTONE_STATUSES.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={tStatus(status)}
              stackId="status"
              fill={STATUS_COLORS[status]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** The direction of a text by its first letter, as `dir="auto"` decides it (SVG text has no `dir`). */
export function textDirection(text: string): Direction {
  const first = text.match(/\p{L}/u)?.[0];
  return first !== undefined && RTL_LETTER.test(first) ? "rtl" : "ltr";
}

type CategoryTickProps = {
  x?: number | string;
  y?: number | string;
  payload?: { value?: string };
  /** From recharts: "end" for an axis on the left (labels left of it), "start" for one on the right. */
  textAnchor?: string;
};

/**
 * A y-axis label of at most two lines; the full name is in the tooltip and the table. The label
 * reads in its own direction (an English name on an Arabic page stays left to right); SVG
 * resolves text-anchor against that direction, so the anchor is chosen for it and the axis side.
 */
export function WrappedCategoryTick({ x, y, payload, textAnchor = "end" }: CategoryTickProps) {
  const value = String(payload?.value ?? "");
  const direction = textDirection(value);
  const lines = wrapLabel(value, 36, 2);
  const top = Number(y) - ((lines.length - 1) * 15) / 2;
  const onRight = textAnchor === "start";
  const tx = Number(x) + (onRight ? 6 : -6);
  // Labels on the right begin at tx (their left edge): the start of left-to-right text, the end of right-to-left text.
  const anchor = onRight === (direction === "ltr") ? "start" : "end";
  return (
    <text x={tx} y={top} textAnchor={anchor} direction={direction} fontSize={13} fill="#1c2430" dominantBaseline="middle">
      <title>{value}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={tx} dy={index === 0 ? 0 : 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
