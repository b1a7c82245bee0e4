"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { chartDirection, chartMirror, WrappedCategoryTick } from "./chart-direction";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

export type StatusByWorkstreamDatum = { name: string } & Record<MilestoneStatus, number>;

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
          margin={mirror.margin}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          {/* Right to left, counts grow from the right edge toward the left. */}
          <XAxis type="number" allowDecimals={false} reversed={mirror.rtl} tick={{ fontSize: 13 }} tickFormatter={formatCount} />
          <YAxis type="category" dataKey="name" width={260} orientation={mirror.sideAxis} tick={WrappedCategoryTick} interval={0} />
          <Tooltip formatter={formatCount} />
          {/* Keep the series' own order, and legend text in the body colour for contrast. */}
          <Legend
            align={mirror.legendAlign}
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>}
          />
          {MILESTONE_STATUSES.map((status) => (
            <Bar key={status} dataKey={status} name={tStatus(status)} stackId="status" fill={STATUS_COLORS[status]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
