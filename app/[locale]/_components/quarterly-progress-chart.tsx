"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { QuarterPoint } from "@/lib/queries/stats";
import { chartDirection, chartMirror } from "./chart-direction";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

/** Cumulative milestones due against cumulative milestones completed, by quarter. */
/** The running totals it draws, per quarter (the page keeps the other figures for its table). */
export type QuarterlyChartPoint = Pick<QuarterPoint, "quarter" | "cumulativeDue" | "cumulativeCompleted">;

export function QuarterlyProgressChart({ data }: { data: QuarterlyChartPoint[] }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const direction = chartDirection(useLocale());
  const mirror = chartMirror(direction);
  const formatCount = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  // "2021-Q4" as the locale writes a quarter, with its own digits.
  const points = data.map((point) => ({
    ...point,
    label: t("quarterLabel", {
      quarter: Number(point.quarter.slice(6)),
      year: format.dateTime(Date.UTC(Number(point.quarter.slice(0, 4)), 0, 1), { year: "numeric", timeZone: "UTC" }),
    }),
  }));
  return (
    <div className="chart" data-direction={direction}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} title={t("quarterly")} desc={t("quarterlyAlt")} margin={mirror.margin}>
          <CartesianGrid strokeDasharray="3 3" />
          {/* Right to left, time runs from the right edge toward the left and the counts sit on the right. */}
          <XAxis dataKey="label" reversed={mirror.rtl} tick={{ fontSize: 13, direction }} />
          {/* Numbers keep a left-to-right anchor, which is what recharts' placement of side labels assumes. */}
          <YAxis allowDecimals={false} orientation={mirror.sideAxis} tick={{ fontSize: 13, direction: "ltr" }} tickFormatter={formatCount} />
          <Tooltip formatter={formatCount} />
          {/* Keep the series' own order, and legend text in the body colour for contrast. */}
          <Legend
            align={mirror.legendAlign}
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>}
          />
          <Line
            type="stepAfter"
            dataKey="cumulativeDue"
            name={t("cumulativeDue")}
            stroke={STATUS_COLORS.planned}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="cumulativeCompleted"
            name={t("cumulativeCompleted")}
            stroke={STATUS_COLORS.completed}
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
