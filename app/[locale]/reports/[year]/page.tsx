import { getPathname, Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LOCALE_NAMES } from "@/i18n/locales";
import { requirePageReader } from "@/lib/auth/page-access";
import { todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { milestoneYears } from "@/lib/queries/stats";
import { buildReportDocument } from "@/lib/reports/document";
import { parseReportYear } from "@/lib/reports/load";
import { normalizeReportParams, REPORT_FORMATS, REPORT_LANGS, reportFileName, reportOptionsQuery, reportOptionsSchema } from "@/lib/reports/options";
import { pageOfSections, REPORT_PAGE_ATTENTION, reportDataFor } from "@/lib/reports/report-data";
import { REPORT_LOCALES } from "@/lib/reports/formatting";
import { reportWorkstreamChoicesIn } from "@/lib/queries/localized";
import { queryStringOf } from "@/lib/url";
import { pageQuerySchema, parseQueryLenient } from "@/lib/validation/filters";
import { contentLocale } from "../../_components/localized";
import { Pagination } from "../../_components/pagination";
import { WorkstreamPicker } from "../_components/workstream-picker";
import { PrintButton } from "../_components/print-button";
import { ReportArticle } from "../_components/report-article";
import "../reports.css";

async function yearOf(raw: string): Promise<number | null> {
  const parsed = parseReportYear(raw);
  return parsed.ok && (await milestoneYears()).includes(parsed.value) ? parsed.value : null;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/reports/[year]">) {
  const t = await getTranslations("reports");
  const year = await yearOf((await params).year);
  return { title: year ? t("pageTitle", { year }) : t("title") };
}

export default async function ReportPage({ params, searchParams }: PageProps<"/[locale]/reports/[year]">) {
  const { year: rawYear } = await params;
  const rawQuery = await searchParams;
  await requirePageReader(`/reports/${rawYear}${queryStringOf(rawQuery)}`);
  const year = await yearOf(rawYear);
  if (year === null) notFound();
  const t = await getTranslations("reports");
  const tStatus = await getTranslations("status");

  // The report speaks the page's language unless the reader chose another.
  const query = normalizeReportParams(rawQuery);
  const locale = await contentLocale();
  if (!query.has("lang")) query.set("lang", locale);
  const { value: options, invalidParams } = parseQueryLenient(reportOptionsSchema, query);
  // The options speak the page's language, as the rest of the form does.
  const choices = await reportWorkstreamChoicesIn(year, locale);
  const known = new Set(choices.map((choice) => choice.slug));
  const workstream = options.workstream?.filter((slug) => known.has(slug));
  const current = { ...options, workstream: workstream?.length ? workstream : undefined };
  const data = await reportDataFor(year, { lang: current.lang, workstream: current.workstream, status: current.status }, todayIso());
  // One page of workstream sections (about forty milestones); the downloads hold them all.
  const paged = pageOfSections(data.workstreams, parseQueryLenient(pageQuerySchema, rawQuery).value.page);
  // Links name the report's language when it is not the page's (the page would otherwise choose
  // its own); the downloads name any language but English, the API's default.
  const optionsQuery = (extra: Record<string, string | undefined> = {}) =>
    reportOptionsQuery(current, { lang: current.lang !== locale ? current.lang : undefined, ...extra });
  const report = buildReportDocument(data, { sections: paged.sections, attentionLimit: REPORT_PAGE_ATTENTION });
  const pageHref = (page: number) => `/reports/${year}${optionsQuery({ page: page > 1 ? String(page) : undefined })}`;
  const pagination = <Pagination page={paged.page} totalPages={paged.totalPages} hrefFor={pageHref} label={t("paginationLabel")} />;
  const years = [...(await milestoneYears())].sort((a, b) => a - b);
  const selected = new Set(current.workstream ?? []);
  const dropped = (options.workstream ?? []).filter((slug) => !known.has(slug));
  const problems = [...invalidParams.map((param) => param.name), ...(dropped.length ? ["workstream"] : [])];

  return (
    <div className="page report-page">
      <div className="report-controls" data-testid="report-controls">
        <nav className="zoom" aria-label={t("yearsLabel")}>
          <span className="zoom__label">{t("year")}</span>
          <ul>
            {years.map((y) => (
              <li key={y}>
                <Link href={`/reports/${y}${optionsQuery()}`} aria-current={y === year ? "page" : undefined}>
                  {y}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {problems.length > 0 && (
          <p className="field-error report-controls__error" role="alert">
            {t("invalid", { names: [...new Set(problems)].join(", ") })}
          </p>
        )}
        <form method="get" action={getPathname({ href: `/reports/${year}`, locale })} className="filters report-options" aria-label={t("optionsLabel")}>
          <div className="filters__field">
            <label htmlFor="report-lang">{t("language")}</label>
            <select id="report-lang" name="lang" defaultValue={current.lang}>
              {REPORT_LANGS.map((lang) => (
                <option key={lang} value={lang} lang={REPORT_LOCALES[lang]}>
                  {LOCALE_NAMES[lang]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="filters__statuses">
            <legend>{t("statuses")}</legend>
            {MILESTONE_STATUSES.map((status) => (
              <label key={status} className="check">
                <input type="checkbox" name="status" value={status} defaultChecked={current.status?.includes(status)} />
                {tStatus(status)}
              </label>
            ))}
          </fieldset>
          <WorkstreamPicker
            year={year}
            lang={locale}
            selected={choices.filter((choice) => selected.has(choice.slug)).map((choice) => [choice.slug, choice.name.text, choice.name.lang])}
            labels={{
              summary: selected.size ? t("workstreamsSome", { count: selected.size, total: choices.length }) : t("workstreamsAll", { total: choices.length }),
              legend: t("workstreamsLegend"),
              search: t("workstreamsSearch"),
              loading: t("workstreamsLoading"),
              failed: t("workstreamsFailed"),
              retry: t("workstreamsRetry"),
              noMatch: t("workstreamsNoMatch"),
              refine: t.raw("workstreamsRefine") as string,
            }}
          />
          <div className="filters__actions">
            <button type="submit" className="button">
              {t("apply")}
            </button>
            <Link className="button button--quiet" href={`/reports/${year}`}>
              {t("reset")}
            </Link>
          </div>
        </form>
        <section className="report-downloads" aria-labelledby="report-downloads-heading">
          <h2 id="report-downloads-heading">{t("downloads")}</h2>
          <ul>
            {REPORT_FORMATS.map((format) => (
              <li key={format}>
                <a
                  className="button button--quiet"
                  href={`/api/reports/${year}${optionsQuery({ format })}`}
                  download={reportFileName(year, current.lang, format)}
                  data-testid={`download-${format}`}
                >
                  {t(`format.${format}`)}
                </a>
              </li>
            ))}
            <li>
              <PrintButton label={t("print")} />
            </li>
          </ul>
          <p className="muted">{t("downloadsNote", { lang: LOCALE_NAMES[current.lang] })}</p>
        </section>
      </div>
      {paged.totalPages > 1 && (
        <p className="muted report-paged" data-testid="report-paged">
          {t("pagedNote", {
            from: paged.sections[0]?.number ?? 0,
            to: paged.sections[paged.sections.length - 1]?.number ?? 0,
            total: data.workstreams.length,
          })}
        </p>
      )}
      {pagination}
      <ReportArticle report={report} />
      {pagination}
    </div>
  );
}
