"use client";

import dynamic from "next/dynamic";

/**
 * The overview's charts, loaded after the page: recharts is the largest script of the app
 * (about 130 KB gzipped) and draws nothing on the server (its container needs the browser's
 * width), so first load ships without it. Each chart's table alternative is server-rendered.
 */
export const StatusByWorkstreamChart = dynamic(() => import("./status-by-workstream-chart").then((m) => m.StatusByWorkstreamChart), {
  ssr: false,
  loading: () => <div className="chart chart--loading" aria-hidden="true" />,
});

export const QuarterlyProgressChart = dynamic(() => import("./quarterly-progress-chart").then((m) => m.QuarterlyProgressChart), {
  ssr: false,
  loading: () => <div className="chart chart--loading" aria-hidden="true" />,
});
