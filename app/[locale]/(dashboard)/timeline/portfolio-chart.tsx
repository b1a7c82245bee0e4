"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { dayOf, isoOf, type TimeWindow } from "@/lib/domain/timeline-window";
import type { PortfolioPoint } from "@/lib/queries/timeline";
import { filtersToQuery } from "@/lib/url";
import type { Filters } from "@/lib/validation/filters";
import { ChartFigure } from "../../_components/chart-figure";
import type { PortfolioBarPoint } from "./portfolio-bars";

/**
 * recharts is the largest script of the app: it loads only when the chart comes near the screen
 * (it sits below the roadmap), so it never competes with the roadmap's first bars.
 */
const PortfolioBars = dynamic(() => import("./portfolio-bars").then((m) => m.PortfolioBars), {
  ssr: false,
  loading: () => <div className="chart chart--loading" aria-hidden="true" />,
});

/** True once the element is within a few hundred pixels of the viewport. */
function useNearViewport<T extends Element>() {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: "300px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return { ref, near };
}

/** How many milestones were in each status at the end of each quarter of the window, with the table behind it. */
export function PortfolioChart({ filters, window, statuses }: { filters: Filters; window: TimeWindow; statuses: readonly string[] }) {
  const t = useTranslations("timeline");
  const tCharts = useTranslations("charts");
  const tStatus = useTranslations("status");
  const format = useFormatter();
  const { ref, near } = useNearViewport<HTMLDivElement>();
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
  const points: PortfolioBarPoint[] = (data?.quarters ?? []).map((point) => ({ ...point.counts, label: label(point.quarterEnd) }));
  const count = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  return (
    <div ref={ref}>
      <ChartFigure
        className="portfolio"
        testId="portfolio-chart"
        tableTestId="portfolio-table"
        title={t("portfolioTitle")}
        level={2}
        note={t("portfolioIntro")}
        tableLabel={t("portfolioTable")}
        chart={near ? <PortfolioBars points={points} statuses={statuses} /> : <div className="chart chart--loading" aria-hidden="true" />}
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
    </div>
  );
}
