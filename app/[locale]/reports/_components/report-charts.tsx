"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { WrappedCategoryTick } from "../../_components/status-by-workstream-chart";
import { STATUS_COLORS } from "../../_components/status-colors";

type StatusMixProps = {
  rows: ({ label: string } & Record<MilestoneStatus, number>)[];
  labels: Record<MilestoneStatus, string>;
  title: string;
  description: string;
};

/** Milestones by status for each workstream, as horizontal stacked bars, in the report's language. */
export function StatusMixChart({ rows, labels, title, description }: StatusMixProps) {
  const used = MILESTONE_STATUSES.filter((status) => rows.some((row) => row[status] > 0));
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 80)}>
        <BarChart data={rows} layout="vertical" title={title} desc={description} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 13 }} />
          <YAxis type="category" dataKey="label" width={260} tick={WrappedCategoryTick} interval={0} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>} />
          {(used.length ? used : (["completed"] as const)).map((status) => (
            <Bar key={status} dataKey={status} name={labels[status]} stackId="status" fill={STATUS_COLORS[status]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type ProgressProps = {
  points: { label: string; cumulativeDue: number; cumulativeCompleted: number }[];
  labels: { due: string; completed: string };
  title: string;
  description: string;
};

/** The year's milestones due against completed, cumulative by month. */
export function YearProgressChart({ points, labels, title, description }: ProgressProps) {
  return (
    <div className="chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} title={title} desc={description} margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 13 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 13 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={null} formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>} />
          <Line type="stepAfter" dataKey="cumulativeDue" name={labels.due} stroke={STATUS_COLORS.planned} strokeWidth={2} strokeDasharray="6 3" dot={{ r: 3 }} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="cumulativeCompleted" name={labels.completed} stroke={STATUS_COLORS.completed} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
