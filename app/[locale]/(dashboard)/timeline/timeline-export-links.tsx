"use client";

import { useLocale, useTranslations } from "next-intl";
import { isoOf, type TimeWindow } from "@/lib/domain/timeline-window";
import { filtersToQuery } from "@/lib/url";
import type { Filters } from "@/lib/validation/filters";

/** The server-drawn image of the window on screen (its days exactly), with the filters, in the page's language. */
export function TimelineExportLinks({ filters, window, lanes }: { filters: Filters; window: TimeWindow; lanes: number }) {
  const t = useTranslations("reports");
  const lang = useLocale();
  // A very large portfolio is drawn a hundred lanes at a time, like the workstream list pages.
  const paging = lanes > 100 ? { page: 1, pageSize: 100 } : {};
  const href = (format: "png" | "pdf") =>
    `/api/reports/timeline${filtersToQuery(filters, { format, lang, from: isoOf(window.start), to: isoOf(window.end), ...paging })}`;
  return (
    <nav className="timeline-export" aria-label={t("timelineExport")} data-testid="timeline-export">
      <span className="zoom__label">{t("timelineExport")}:</span>{" "}
      <a href={href("png")} download data-testid="timeline-export-png">
        {t("timelinePng")}
      </a>{" "}
      ·{" "}
      <a href={href("pdf")} download data-testid="timeline-export-pdf">
        {t("timelinePdf")}
      </a>
    </nav>
  );
}
