import { getLocale, getTranslations } from "next-intl/server";
import { filtersToQuery } from "@/lib/url";
import type { Filters } from "@/lib/validation/filters";

type Props = {
  /** The timeline's filters (year, body, status), as the page parsed them. */
  filters: Filters;
  /** The page of lanes shown; leave out to export every matching workstream. */
  page?: number;
  pageSize?: number;
};

/** Download links for the /timeline view as drawn on the server: PNG image and vector PDF. */
export async function TimelineExportLinks({ filters, page, pageSize }: Props) {
  const t = await getTranslations("reports");
  // The image speaks the page's language.
  const lang = await getLocale();
  const href = (format: "png" | "pdf") => `/api/reports/timeline${filtersToQuery(filters, { format, lang, page, pageSize })}`;
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
