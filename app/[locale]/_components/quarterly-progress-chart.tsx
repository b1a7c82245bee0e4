"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { QuarterPoint } from "@/lib/queries/stats";
import { STATUS_COLORS } from "./status-colors";

/** Cumulative milestones due against cumulative milestones completed, by quarter. */
export function QuarterlyProgressChart({ data }: { data: QuarterPoint[] }) {
  const t = useTranslations("charts");
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} title={t("quarterly")} desc={t("quarterlyAlt")} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" tick={{ fontSize: 13 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
          <Tooltip />
          {/* Keep the series' own order, and legend text in the body colour for contrast. */}
          <Legend
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
