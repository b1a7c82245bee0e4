import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { requirePageReader } from "@/lib/auth/page-access";
import { effectiveRole } from "@/lib/auth/permissions";
import { bodyNameIn } from "@/lib/content/body-names";
import { bodyTree } from "@/lib/domain/bodies";
import { todayIso } from "@/lib/domain/partial-date";
import { DEFAULT_ZOOM, dayOf, tilesOf, tileWindow, windowAround, windowEndingIn, windowFrom } from "@/lib/domain/timeline-window";
import { listBodies } from "@/lib/queries/bodies";
import { milestoneYears } from "@/lib/queries/stats";
import { timelineBars, timelineFrame, timelineHasBarsIn } from "@/lib/queries/timeline";
import { filtersToQuery, queryStringOf } from "@/lib/url";
import { parseQueryLenient } from "@/lib/validation/filters";
import { roadmapFiltersSchema, timelineViewSchema } from "@/lib/validation/timeline";
import { FilterForm } from "../../_components/filter-form";
import { contentLocale } from "../../_components/localized";
import { Roadmap } from "./roadmap";
import { CHUNK_ROWS, LANE_PAGE } from "./roadmap-constants";
import { PageHeader } from "../../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("timeline");
  return { title: t("title") };
}

/**
 * The roadmap. The server sends the frame (groups, every lane's rows, the first page of lanes'
 * names) and the bars of the first window's first rows; everything after that comes from the
 * read API as the view moves.
 */
export default async function TimelinePage({ searchParams }: PageProps<"/[locale]/timeline">) {
  const params = await searchParams;
  const actor = await requirePageReader(`/timeline${queryStringOf(params)}`);
  const { value: filters, invalidParams } = parseQueryLenient(roadmapFiltersSchema, params);
  const { value: viewParams, invalidParams: viewProblems } = parseQueryLenient(timelineViewSchema, params);
  const today = todayIso();
  const t = await getTranslations("timeline");
  const locale = await contentLocale();
  const frame = await timelineFrame(filters, locale, { offset: 0, limit: LANE_PAGE });
  const zoom = viewParams.zoom ?? DEFAULT_ZOOM;

  // A window around today, or around the latest activity when nothing is there.
  let window = viewParams.from ? windowFrom(dayOf(viewParams.from), zoom) : windowAround(dayOf(today), zoom);
  if (!viewParams.from && frame.latest && !(await timelineHasBarsIn(filters, window))) window = windowEndingIn(dayOf(frame.latest), zoom);
  const seeded = await Promise.all(
    tilesOf(window, zoom).map(async (tile) => {
      const stretch = tileWindow(tile, zoom);
      return { tile, chunk: 0, data: await timelineBars(filters, locale, stretch, 0, CHUNK_ROWS, today) };
    }),
  );

  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />

      <FilterForm
        key={JSON.stringify(filters)}
        years={await milestoneYears()}
        bodies={bodyTree(await listBodies()).map((body) => ({ code: body.code, name: bodyNameIn(locale, body), depth: body.depth }))}
        current={filters}
        invalidParams={invalidParams}
      />

      {viewProblems.length > 0 && (
        <p className="form-error" role="alert" data-testid="roadmap-view-invalid">
          {t("viewInvalid", { names: [...new Set(viewProblems.map((problem) => problem.name))].join(", ") })}
        </p>
      )}

      {filters.workstream && frame.laneRows.length === 1 && frame.lanes[0] && (
        <p className="roadmap-scope" data-testid="roadmap-one-workstream">
          {t.rich("oneWorkstream", {
            name: frame.lanes[0]!.name,
            b: (chunks) => (
              <strong lang={frame.lanes[0]!.lang} dir="auto">
                {chunks}
              </strong>
            ),
          })}{" "}
          <Link href={`/timeline${filtersToQuery({ ...filters, workstream: undefined })}`}>{t("allWorkstreams")}</Link>
        </p>
      )}

      {frame.laneRows.length === 0 ? (
        <div className="empty-state" role="status">
          <h2>{t("emptyTitle")}</h2>
          <p>{t("emptyBody")}</p>
          <Link className="button" href="/timeline">
            {t("clearFilters")}
          </Link>
        </div>
      ) : (
        <Roadmap
          key={JSON.stringify(filters)}
          frame={frame}
          seeded={seeded}
          view={{ start: window.start, zoom, group: viewParams.group ?? "body", collapsed: viewParams.collapsed ?? [] }}
          filters={filters}
          today={today}
          canEdit={actor !== null && effectiveRole(actor) !== "viewer"}
        />
      )}
    </div>
  );
}
