"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { wrapLabel } from "@/lib/domain/wrap-label";
import { STATUS_COLORS } from "./status-colors";

export type StatusByWorkstreamDatum = { name: string } & Record<MilestoneStatus, number>;

/** Milestones by status for each workstream, as horizontal stacked bars. */
export function StatusByWorkstreamChart({ data }: { data: StatusByWorkstreamDatum[] }) {
  const tStatus = useTranslations("status");
  const t = useTranslations("charts");
  const height = Math.max(160, data.length * 42 + 90);
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout="vertical"
          title={t("statusByWorkstream")}
          desc={t("statusByWorkstreamAlt", { count: data.length })}
          margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 13 }} />
          <YAxis type="category" dataKey="name" width={260} tick={WrappedCategoryTick} interval={0} />
          <Tooltip />
          {/* Keep the series' own order, and legend text in the body colour for contrast. */}
          <Legend
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

/** A y-axis label of at most two lines; the full name is in the tooltip and the table. */
export function WrappedCategoryTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  const lines = wrapLabel(String(payload?.value ?? ""), 36, 2);
  const top = Number(y) - ((lines.length - 1) * 15) / 2;
  return (
    <text x={Number(x) - 6} y={top} textAnchor="end" fontSize={13} fill="#1c2430" dominantBaseline="middle">
      <title>{payload?.value}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={Number(x) - 6} dy={index === 0 ? 0 : 15}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
