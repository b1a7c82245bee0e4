"use client";

import dynamic from "next/dynamic";

/** The report's charts, loaded after the page (recharts stays out of first load; see ../../_components/lazy-charts). */
export const StatusMixChart = dynamic(() => import("./report-charts").then((m) => m.StatusMixChart), {
  ssr: false,
  loading: () => <div className="chart chart--loading" aria-hidden="true" />,
});

export const YearProgressChart = dynamic(() => import("./report-charts").then((m) => m.YearProgressChart), {
  ssr: false,
  loading: () => <div className="chart chart--loading" aria-hidden="true" />,
});
