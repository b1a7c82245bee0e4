import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { requirePageReader } from "@/lib/auth/page-access";
import { effectiveRole } from "@/lib/auth/permissions";
import { bodyNameIn } from "@/lib/content/body-names";
import { localizedText } from "@/lib/content/localized-text";
import { bodyTree } from "@/lib/domain/bodies";
import { todayIso } from "@/lib/domain/partial-date";
import { axisForExtent } from "@/lib/domain/timeline-layout";
import { listBodies } from "@/lib/queries/bodies";
import { reasonsOfLate } from "@/lib/queries/attention";
import { milestonesOfWorkstreams } from "@/lib/queries/milestones";
import { milestoneExtent, milestoneYears } from "@/lib/queries/stats";
import { milestoneTitleTranslations, workstreamTextsIn } from "@/lib/queries/translations";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { filtersToQuery, queryStringOf } from "@/lib/url";
import { parseQueryLenient, workstreamListQuerySchema } from "@/lib/validation/filters";
import { FilterForm } from "../../_components/filter-form";
import { contentLocale, UntranslatedMark } from "../../_components/localized";
import { TimelineExportLinks } from "../../reports/_components/timeline-export-links";
import { Pagination } from "../../_components/pagination";
import { reasonLine } from "../../_components/reason-text";
import { Timeline, type TimelineLane, TimelineTable } from "../../_components/timeline";

export async function generateMetadata() {
  const t = await getTranslations("timeline");
  return { title: t("title") };
}

export default async function TimelinePage({ searchParams }: PageProps<"/[locale]/timeline">) {
  const params = await searchParams;
  const actor = await requirePageReader(`/timeline${queryStringOf(params)}`);
  const { value: query, invalidParams } = parseQueryLenient(workstreamListQuerySchema, params);
  const { page, pageSize, ...filters } = query;
  const today = todayIso();
  const t = await getTranslations("timeline");
  const tContent = await getTranslations("content");
  const locale = await contentLocale();

  const years = milestoneYears();
  const summaries = listWorkstreamSummaries(filters, { page, pageSize }, today);
  const milestones = milestonesOfWorkstreams(
    summaries.items.map((item) => item.id),
    filters,
    today,
  );
  const reasons = reasonsOfLate(milestones);
  const reasonLines = new Map(await Promise.all([...reasons].map(async ([id, reason]) => [id, await reasonLine(reason)] as const)));
  // Names and titles in the page's language; English standing in for a missing translation is marked.
  const workstreamText = workstreamTextsIn(summaries.items.map((item) => item.id), locale);
  const titleTranslations = milestoneTitleTranslations(milestones.map((milestone) => milestone.id), locale);
  const lanes: TimelineLane[] = summaries.items.map((item) => ({
    slug: item.slug,
    name: localizedText(locale, { en: item.nameEn, zh: item.nameZh }, workstreamText.get(item.id)?.name),
    milestones: milestones
      .filter((milestone) => milestone.workstreamId === item.id)
      .map((milestone) => ({
        ...milestone,
        title: localizedText(locale, { en: milestone.titleEn, zh: milestone.titleZh }, titleTranslations.get(milestone.id)),
        reason: reasonLines.get(milestone.id),
      })),
  }));
  const untranslated = lanes.some((lane) => !lane.name.translated || lane.milestones.some((milestone) => !milestone.title.translated));
  const extent = filters.year !== undefined
    ? { start: `${filters.year}-01-01`, end: `${filters.year}-12-31` }
    : milestoneExtent(filters);
  const sortedYears = [...years].sort((a, b) => a - b);
  const zoomIndex = filters.year !== undefined ? sortedYears.indexOf(filters.year) : -1;
  const zoomHref = (year: number | undefined) => `/timeline${filtersToQuery({ ...filters, year })}`;

  return (
    <div className="page">
      <header className="page__header">
        <h1>{t("title")}</h1>
        <p className="lead">{t("intro")}</p>
      </header>

      <FilterForm
        key={filtersToQuery({ ...filters, q: undefined })}
        years={years}
        bodies={bodyTree(listBodies()).map((body) => ({ code: body.code, name: bodyNameIn(locale, body), depth: body.depth }))}
        current={filters}
        invalidParams={invalidParams}
      />

      <nav className="zoom" aria-label={t("zoomLabel")}>
        <span className="zoom__label">{t("zoom")}</span>
        <ul>
          <li>
            <Link href={zoomHref(undefined)} aria-current={filters.year === undefined ? "page" : undefined}>
              {t("allYears")}
            </Link>
          </li>
          {sortedYears.map((year) => (
            <li key={year}>
              <Link href={zoomHref(year)} aria-current={filters.year === year ? "page" : undefined}>
                {year}
              </Link>
            </li>
          ))}
        </ul>
        {zoomIndex >= 0 && (
          <span className="zoom__step">
            {zoomIndex > 0 && <Link href={zoomHref(sortedYears[zoomIndex - 1])}>{t("previousYear")}</Link>}
            {zoomIndex < sortedYears.length - 1 && <Link href={zoomHref(sortedYears[zoomIndex + 1])}>{t("nextYear")}</Link>}
          </span>
        )}
      </nav>

      {lanes.length === 0 || !extent ? (
        <div className="empty-state" role="status">
          <h2>{t("emptyTitle")}</h2>
          <p>{t("emptyBody")}</p>
          <Link className="button" href="/timeline">
            {t("clearFilters")}
          </Link>
        </div>
      ) : (
        <>
          {untranslated && (
            <p className="untranslated-note">
              <UntranslatedMark /> {tContent("timelineNote")}
            </p>
          )}
          <Timeline
            lanes={lanes}
            axis={axisForExtent(extent)}
            today={today}
            caption={t("caption")}
            editable={actor !== null && effectiveRole(actor) !== "viewer"}
          />
          <TimelineExportLinks filters={filters} page={summaries.page} pageSize={summaries.pageSize} />
          <TimelineTable lanes={lanes} />
          <Pagination
            page={summaries.page}
            totalPages={summaries.totalPages}
            hrefFor={(p) => `/timeline${filtersToQuery(filters, { page: p })}`}
            label={t("paginationLabel")}
          />
        </>
      )}
    </div>
  );
}
