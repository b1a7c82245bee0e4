"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { apiFetch } from "@/lib/client/api";
import { dayOf, isoOf, type TimeWindow } from "@/lib/domain/timeline-window";
import type { PortfolioPoint } from "@/lib/queries/timeline";
import { filtersToQuery } from "@/lib/url";
import type { Filters } from "@/lib/validation/filters";
import { chartDirection, chartMirror } from "../../_components/chart-direction";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { ChartFigure } from "../../_components/chart-figure";

/** How many milestones were in each status at the end of each quarter of the window, with the table behind it. */
export function PortfolioChart({ filters, window, statuses }: { filters: Filters; window: TimeWindow; statuses: readonly string[] }) {
  const t = useTranslations("timeline");
  const tCharts = useTranslations("charts");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const direction = chartDirection(useLocale());
  const mirror = chartMirror(direction);
  const url = `/api/timeline/portfolio${filtersToQuery(filters, { from: isoOf(window.start), to: isoOf(window.end) })}`;
  const { data } = useQuery({
    queryKey: ["timeline", "portfolio", url],
    queryFn: () => apiFetch<{ quarters: PortfolioPoint[] }>(url, { method: "GET" }),
    placeholderData: keepPreviousData,
  });
  const label = (quarterEnd: string) => {
    const day = new Date(dayOf(quarterEnd) * 86_400_000);
    return tCharts("quarterLabel", {
      quarter: Math.floor(day.getUTCMonth() / 3) + 1,
      year: format.dateTime(day, { year: "numeric", timeZone: "UTC" }),
    });
  };
  const points = (data?.quarters ?? []).map((point) => ({ ...point.counts, label: label(point.quarterEnd) }));
  const count = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  return (
    <ChartFigure
      className="portfolio"
      testId="portfolio-chart"
      tableTestId="portfolio-table"
      title={t("portfolioTitle")}
      level={2}
      note={t("portfolioIntro")}
      tableLabel={t("portfolioTable")}
      chart={
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
      }
    >
      <thead>
        <tr>
          <th scope="col">{t("quarterEnd")}</th>
          {statuses.map((status) => (
            <th key={status} scope="col">
              {tStatus(status)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(data?.quarters ?? []).map((point) => (
          <tr key={point.quarterEnd}>
            <th scope="row">{label(point.quarterEnd)}</th>
            {statuses.map((status) => (
              <td key={status}>{count(point.counts[status] ?? 0)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ChartFigure>
  );
}
