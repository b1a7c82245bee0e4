"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { STATUS_COLORS } from "./status-colors";

export type StatusByWorkstreamDatum = { name: string } & Record<MilestoneStatus, number>;

/** Milestones by status for each workstream, as horizontal stacked bars. */
export function StatusByWorkstreamChart({ data }: { data: StatusByWorkstreamDatum[] }) {
  const tStatus = useTranslations("status");
  const t = useTranslations("charts");
  const height = Math.max(160, data.length * 34 + 80);
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
          <YAxis type="category" dataKey="name" width={250} tick={{ fontSize: 13 }} interval={0} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} />
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
