"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { chartDirection, chartMirror, WrappedCategoryTick } from "../../_components/chart-direction";
import { type CumulativeProgressPoint, CumulativeProgressChart } from "../../_components/cumulative-progress-chart";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

/**
 * The report is written in its own language, which need not be the interface's: its charts take
 * that language's tag (`locale`) for their numbers and direction, and fall back to the interface's.
 */
function useReportLocale(locale: string | undefined) {
  const interfaceLocale = useLocale();
  const tag = locale ?? interfaceLocale;
  const numbers = new Intl.NumberFormat(tag);
  const direction = chartDirection(tag);
  return {
    direction,
    mirror: chartMirror(direction),
    formatCount: (value: unknown) => (typeof value === "number" ? numbers.format(value) : String(value ?? "")),
  };
}

type StatusMixProps = {
  rows: ({ label: string } & Record<MilestoneStatus, number>)[];
  labels: Record<MilestoneStatus, string>;
  title: string;
  description: string;
  /** The report's language tag, e.g. "en-GB" or "zh-CN". */
  locale?: string;
};

/** Milestones by status for each workstream, as horizontal stacked bars, in the report's language. */
export function StatusMixChart({ rows, labels, title, description, locale }: StatusMixProps) {
  const { direction, mirror, formatCount } = useReportLocale(locale);
  const used = MILESTONE_STATUSES.filter((status) => rows.some((row) => row[status] > 0));
  return (
    <div className="chart" data-direction={direction}>
      <ResponsiveContainer width="100%" height={Math.max(160, rows.length * 36 + 80)}>
        <BarChart data={rows} layout="vertical" title={title} desc={description} margin={mirror.margin}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} reversed={mirror.rtl} tick={{ fontSize: 13 }} tickFormatter={formatCount} />
          <YAxis type="category" dataKey="label" width={260} orientation={mirror.sideAxis} tick={WrappedCategoryTick} interval={0} />
          <Tooltip formatter={formatCount} />
          <Legend
            align={mirror.legendAlign}
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>}
          />
          {(used.length ? used : (["completed"] as const)).map((status) => (
            <Bar key={status} dataKey={status} name={labels[status]} stackId="status" fill={STATUS_COLORS[status]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

type ProgressProps = {
  points: CumulativeProgressPoint[];
  labels: { due: string; completed: string };
  title: string;
  description: string;
  /** The report's language tag, e.g. "en-GB" or "zh-CN". */
  locale?: string;
};

/** The year's milestones due against completed, cumulative by month, in the report's language. */
export function YearProgressChart({ points, labels, title, description, locale }: ProgressProps) {
  const { direction, formatCount } = useReportLocale(locale);
  return <CumulativeProgressChart points={points} labels={labels} title={title} description={description} direction={direction} formatCount={formatCount} />;
}
