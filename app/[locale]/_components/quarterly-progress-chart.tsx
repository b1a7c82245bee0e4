"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { QuarterPoint } from "@/lib/queries/stats";
import { chartDirection } from "./chart-direction";
import { CumulativeProgressChart } from "./cumulative-progress-chart";

/** The running totals it draws, per quarter (the page keeps the other figures for its table). */
export type QuarterlyChartPoint = Pick<QuarterPoint, "quarter" | "cumulativeDue" | "cumulativeCompleted">;

/** Cumulative milestones due against cumulative milestones completed, by quarter, in the page's language. */
export function QuarterlyProgressChart({ data }: { data: QuarterlyChartPoint[] }) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const direction = chartDirection(useLocale());
  const formatCount = (value: unknown) => (typeof value === "number" ? format.number(value) : String(value ?? ""));
  // "2021-Q4" as the locale writes a quarter, with its own digits.
  const points = data.map((point) => ({
    ...point,
    label: t("quarterLabel", {
      quarter: Number(point.quarter.slice(6)),
      year: format.dateTime(Date.UTC(Number(point.quarter.slice(0, 4)), 0, 1), { year: "numeric", timeZone: "UTC" }),
    }),
  }));
  return (
    <CumulativeProgressChart
      points={points}
      labels={{ due: t("cumulativeDue"), completed: t("cumulativeCompleted") }}
      title={t("quarterly")}
      description={t("quarterlyAlt")}
      direction={direction}
      formatCount={formatCount}
    />
  );
}
