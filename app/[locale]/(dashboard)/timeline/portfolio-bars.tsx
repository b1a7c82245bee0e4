"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { chartDirection, chartMirror } from "../../_components/chart-direction";

export type PortfolioBarPoint = Record<string, number | string> & { label: string };

/** The portfolio chart's drawing (recharts): one stacked bar per quarter's end, a segment per status. */
export function PortfolioBars({ points, statuses }: { points: PortfolioBarPoint[]; statuses: readonly string[] }) {
  const t = useTranslations("timeline");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const direction = chartDirection(useLocale());
  const mirror = chartMirror(direction);
  const count = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  return (
    <div className="chart" data-direction={direction}>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={points} title={t("portfolioTitle")} desc={t("portfolioIntro")} margin={mirror.margin}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" reversed={mirror.rtl} tick={{ fontSize: 12, direction }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} orientation={mirror.sideAxis} tick={{ fontSize: 12, direction: "ltr" }} tickFormatter={count} />
          <Tooltip formatter={count} />
          <Legend
            align={mirror.legendAlign}
            wrapperStyle={{ fontSize: 13 }}
            itemSorter={null}
            formatter={(value) => <span style={{ color: "#1c2430" }}>{value}</span>}
          />
          {statuses.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={tStatus(status)}
              stackId="status"
              fill={(STATUS_COLORS as Record<string, string>)[status]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
