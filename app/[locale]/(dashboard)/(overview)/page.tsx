import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageReader } from "@/lib/auth/page-access";
import { ATTENTION_PAGE_SIZE, listAttention, workstreamReasons } from "@/lib/queries/attention";
import { bodyNameIn } from "@/lib/content/body-names";
import { bodyTree } from "@/lib/domain/bodies";
import { todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { listBodies } from "@/lib/queries/bodies";
import { milestoneYears, quarterlyProgress, statusTotals } from "@/lib/queries/stats";
import { recentChangesIn, workstreamSummariesIn } from "@/lib/queries/localized";
import { filtersToQuery, queryStringOf } from "@/lib/url";
import { overviewQuerySchema, parseQueryLenient, WORKSTREAM_SORTS } from "@/lib/validation/filters";
import { AttentionList } from "../../_components/attention-list";
import { FilterForm } from "../../_components/filter-form";
import { HistoryEntryText } from "../../_components/history-entry";
import { contentLocale, Localized } from "../../_components/localized";
import { Pagination } from "../../_components/pagination";
import { QuarterlyProgressChart, StatusByWorkstreamChart } from "../../_components/lazy-charts";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { WorkstreamCard } from "../../_components/workstream-card";
import { ChartFigure } from "../../_components/chart-figure";
import { PageHeader } from "../../_components/page-header";

export async function generateMetadata() {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

export default async function OverviewPage({ searchParams }: PageProps<"/[locale]">) {
  const params = await searchParams;
  const actor = await requirePageReader(`/${queryStringOf(params)}`);
  const { value: query, invalidParams } = parseQueryLenient(overviewQuerySchema, params);
  const { page, pageSize, sort, apage, ...filters } = query;
  const sortParam = sort === "report" ? undefined : sort;
  const today = todayIso();
  const t = await getTranslations("overview");
  const tStatus = await getTranslations("status");
  const tCharts = await getTranslations("charts");
  const format = await getFormatter();
  const locale = await contentLocale();

  // Independent reads, started together: on PostgreSQL each waits on the network.
  const [bodies, summaries, attention, totals, quarters, years, changes] = await Promise.all([
    listBodies(),
    workstreamSummariesIn(filters, { page, pageSize }, today, { sort, watcherId: actor?.userId, locale }),
    listAttention(filters, today, locale, { page: apage, pageSize: ATTENTION_PAGE_SIZE }),
    statusTotals(filters, today),
    quarterlyProgress(filters),
    milestoneYears(),
    recentChangesIn(8, locale),
  ]);
  const reasons = await workstreamReasons(
    summaries.items.map((item) => item.id),
    filters,
    today,
    locale,
  );
  const chartData = summaries.items.map((item) => ({ name: item.name.text, ...item.counts }));
  const statusTotalsShown = MILESTONE_STATUSES.filter((status) => totals.counts[status] > 0);

  return (
    <div className="page">
      <PageHeader title={t("title")} lead={t("intro")} />

      <FilterForm
        // Not keyed on the search: the box keeps focus and what is typed while results follow.
        key={filtersToQuery({ ...filters, q: undefined })}
        years={years}
        bodies={bodyTree(bodies).map((body) => ({ code: body.code, name: bodyNameIn(locale, body), depth: body.depth }))}
        current={{ ...filters, sort }}
        invalidParams={invalidParams}
        sorts={WORKSTREAM_SORTS}
      />

      <AttentionList list={attention} hrefForPage={(p) => `/${filtersToQuery(filters, { sort: sortParam, apage: p })}`} />

      <section aria-labelledby="totals-heading" className="totals">
        <h2 id="totals-heading" className="visually-hidden">
          {t("totalsHeading")}
        </h2>
        <ul className="totals__list" data-testid="status-totals">
          <li>
            <span className="totals__number">{format.number(totals.total)}</span> {t("milestones")}
          </li>
          {statusTotalsShown.map((status) => (
            <li key={status}>
              <span className="swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              <span className="totals__number">{format.number(totals.counts[status])}</span> {tStatus(status)}
            </li>
          ))}
          <li>
            <span className="totals__number">{format.number(totals.overdue)}</span> {tStatus("overdue")}
          </li>
        </ul>
      </section>

      <section aria-labelledby="workstreams-heading">
        <div className="section-heading">
          <h2 id="workstreams-heading">{t("workstreamsHeading", { count: summaries.totalItems })}</h2>
          <details className="health-rule">
            <summary>{t("healthRuleSummary")}</summary>
            <ul>
              <li>{t("healthRuleOffTrack")}</li>
              <li>{t("healthRuleAtRisk")}</li>
              <li>{t("healthRuleOnTrack")}</li>
              <li data-testid="health-rule-ongoing">{t("healthRuleOngoing")}</li>
            </ul>
          </details>
        </div>
        {summaries.items.length === 0 ? (
          <div className="empty-state" role="status">
            <h3>{t("emptyTitle")}</h3>
            <p>{t("emptyBody")}</p>
            <Link className="button" href="/">
              {t("clearFilters")}
            </Link>
          </div>
        ) : (
          <div className="card-grid">
            {summaries.items.map((workstream) => (
              <WorkstreamCard key={workstream.id} workstream={workstream} today={today} reason={reasons.get(workstream.id)} canWatch={Boolean(actor)} />
            ))}
          </div>
        )}
        <Pagination
          page={summaries.page}
          totalPages={summaries.totalPages}
          hrefFor={(p) => `/${filtersToQuery(filters, { sort: sortParam, page: p })}`}
          label={t("paginationLabel")}
        />
      </section>

      <section aria-labelledby="recent-heading" className="recent">
        <h2 id="recent-heading">{t("recentHeading")}</h2>
        {changes.length === 0 ? (
          <p className="muted">{t("recentEmpty")}</p>
        ) : (
          <ol className="feed" data-testid="recent-changes">
            {changes.map((entry) => (
              <li key={entry.id}>
                <Link href={`/workstreams/${entry.workstreamSlug}#milestone-${entry.milestoneId}`} className="feed__milestone">
                  <Localized value={entry.workstreamName} />: <Localized value={entry.milestoneTitle} />
                </Link>
                <HistoryEntryText entry={entry} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {summaries.items.length > 0 && (
        <section aria-labelledby="charts-heading" className="charts">
          <h2 id="charts-heading">{t("chartsHeading")}</h2>
          <ChartFigure
            testId="status-chart"
            title={tCharts("statusByWorkstream")}
            note={
              summaries.totalPages > 1
                ? tCharts("statusByWorkstreamPaged", { page: summaries.page, totalPages: summaries.totalPages })
                : tCharts("statusByWorkstreamNote")
            }
            chart={<StatusByWorkstreamChart data={chartData} />}
            tableLabel={tCharts("showTable")}
          >
            <thead>
              <tr>
                <th scope="col">{tCharts("workstream")}</th>
                {MILESTONE_STATUSES.map((status) => (
                  <th scope="col" key={status} className="num">
                    {tStatus(status)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {tCharts("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {summaries.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Localized value={item.name} />
                  </th>
                  {MILESTONE_STATUSES.map((status) => (
                    <td key={status} className="num">
                      {format.number(item.counts[status])}
                    </td>
                  ))}
                  <td className="num">{format.number(item.total)}</td>
                </tr>
              ))}
            </tbody>
          </ChartFigure>

          <ChartFigure
            testId="quarterly-chart"
            tableTestId="quarterly-table"
            title={tCharts("quarterly")}
            note={tCharts("quarterlyNote")}
            // The chart draws the running totals; the per-quarter figures are in its table.
            chart={
              <QuarterlyProgressChart
                data={quarters.map(({ quarter, cumulativeDue, cumulativeCompleted }) => ({ quarter, cumulativeDue, cumulativeCompleted }))}
              />
            }
            tableLabel={tCharts("showTable")}
          >
            <thead>
              <tr>
                <th scope="col">{tCharts("quarter")}</th>
                <th scope="col" className="num">
                  {tCharts("dueInQuarter")}
                </th>
                <th scope="col" className="num">
                  {tCharts("completedInQuarter")}
                </th>
                <th scope="col" className="num">
                  {tCharts("cumulativeDue")}
                </th>
                <th scope="col" className="num">
                  {tCharts("cumulativeCompleted")}
                </th>
              </tr>
            </thead>
            <tbody>
              {quarters.map((point) => (
                <tr key={point.quarter}>
                  <th scope="row">{point.quarter}</th>
                  <td className="num">{format.number(point.due)}</td>
                  <td className="num">{format.number(point.completed)}</td>
                  <td className="num">{format.number(point.cumulativeDue)}</td>
                  <td className="num">{format.number(point.cumulativeCompleted)}</td>
                </tr>
              ))}
            </tbody>
          </ChartFigure>
        </section>
      )}
    </div>
  );
}
