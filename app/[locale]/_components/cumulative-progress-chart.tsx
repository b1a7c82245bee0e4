"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { chartMirror } from "./chart-direction";

export type CumulativeProgressPoint = { label: string; cumulativeDue: number; cumulativeCompleted: number };

/**
 * Milestones due against milestones completed, each a running total, one point per period (the
 * overview's quarters, the report's months). Its callers name the series and format the numbers
 * in their language.
 */
export function CumulativeProgressChart({
  points,
  labels,
  title,
  description,
  direction,
  formatCount,
}: {
  points: CumulativeProgressPoint[];
  labels: { due: string; completed: string };
  title: string;
  description: string;
  direction: "ltr" | "rtl";
  formatCount: (value: unknown) => string;
}) {
  const mirror = chartMirror(direction);
  return (
    <div className="chart" data-direction={direction}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} title={title} desc={description} margin={mirror.margin}>
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
            name={labels.due}
            stroke={STATUS_COLORS.planned}
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="cumulativeCompleted"
            name={labels.completed}
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
