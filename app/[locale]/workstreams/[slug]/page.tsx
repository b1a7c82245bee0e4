import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Evidence } from "@/lib/domain/evidence";
import { getPageActor, requirePageReader } from "@/lib/auth/page-access";
import { canEditWorkstream, isPublicRead } from "@/lib/auth/permissions";
import { localizedText } from "@/lib/content/localized-text";
import type { Locale } from "@/i18n/locales";
import { changesOfWorkstreamIn, type MilestoneTableRow, milestoneTableIn, workstreamIn } from "@/lib/queries/localized";
import { filtersToQuery, queryStringOf } from "@/lib/url";
import { formatPartialDate, todayIso } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { dayOf, isoOf, viewFitting } from "@/lib/domain/timeline-window";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { pageQuerySchema, parseQueryLenient, slugSchema } from "@/lib/validation/filters";
import { HealthBadge } from "../../_components/badges";
import { HistoryEntryText } from "../../_components/history-entry";
import { SlipNote } from "../../_components/slip-note";
import { contentLocale, Localized } from "../../_components/localized";
import { AddMilestoneForm } from "./add-milestone-form";
import { MilestoneEditor } from "./milestone-editor";
import { MilestoneSelection, SelectAllMilestones, SelectMilestone } from "../../_components/milestone-selection";
import { StatusBand } from "../../_components/status-band";
import { Pagination } from "../../_components/pagination";
import { SOURCE_REPORT_SYMBOL } from "@/lib/domain/source-report";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { ReasonText } from "../../_components/reason-text";
import { PageHeader } from "../../_components/page-header";

// Twenty-five rows (each with its history) keep the page small; the pager reaches the rest.
const MILESTONES_PER_PAGE = 25;
// The latest twenty changes; the feed's own pager reaches the older ones.
const CHANGES_PER_PAGE = 20;

async function loadWorkstream(slug: string, locale: Locale) {
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) notFound();
  const workstream = await workstreamIn(parsed.data, locale, todayIso());
  if (!workstream) notFound();
  return workstream;
}

export async function generateMetadata({ params }: PageProps<"/[locale]/workstreams/[slug]">) {
  const { slug } = await params;
  // Names are not shown to visitors who may not read the page.
  if (!(await getPageActor()) && !isPublicRead()) return {};
  const workstream = await loadWorkstream(slug, await contentLocale());
  return { title: workstream.name.text };
}

function EvidenceLink({ evidence }: { evidence: Evidence }) {
  const href = evidence.kind === "url" ? evidence.value : `https://undocs.org/${evidence.value}`;
  return (
    <a href={href} rel="noreferrer" className={evidence.kind === "url" ? "evidence evidence--url" : "evidence"}>
      {evidence.kind === "url" ? new URL(evidence.value).hostname : evidence.value}
    </a>
  );
}

/** A piece of evidence and, where the seed attached one, its note (e.g. a footnote that looks wrong). */
async function EvidenceItem({ evidence, locale }: { evidence: Evidence; locale: Awaited<ReturnType<typeof contentLocale>> }) {
  const t = await getTranslations("workstream");
  return (
    <>
      <EvidenceLink evidence={evidence} />
      {evidence.note && (
        <p className="evidence-note" data-testid="evidence-note">
          <strong>{t("evidenceNoteLabel")}</strong> <Localized value={localizedText(locale, evidence.note)} />
        </p>
      )}
    </>
  );
}

/** What the editor needs of a row, and no more: its props travel with the page for every row. */
function editorStateOf(row: MilestoneTableRow): MilestoneState {
  const {
    id,
    workstreamId,
    workstreamSlug,
    titleEn,
    titleZh,
    date,
    datePrecision,
    baselineDate,
    status,
    completedOn,
    evidence,
    sourceParagraph,
    version,
    updatedAt,
    translations,
  } = row;
  return {
    id,
    workstreamId,
    workstreamSlug,
    titleEn,
    titleZh,
    translations,
    date,
    datePrecision,
    baselineDate,
    status,
    completedOn,
    evidence,
    sourceParagraph,
    version,
    updatedAt,
    removedAt: null,
  };
}

export default async function WorkstreamPage({ params, searchParams }: PageProps<"/[locale]/workstreams/[slug]">) {
  const { slug } = await params;
  const rawQuery = await searchParams;
  const actor = await requirePageReader(`/workstreams/${encodeURIComponent(slug)}${queryStringOf(rawQuery)}`);
  const { value: query } = parseQueryLenient(pageQuerySchema.extend({ cpage: pageQuerySchema.shape.page }), rawQuery);
  const today = todayIso();
  const t = await getTranslations("workstream");
  const tStatus = await getTranslations("status");
  const tSlip = await getTranslations("slip");
  const format = await getFormatter();
  const locale = await contentLocale();

  const workstream = await loadWorkstream(slug, locale);
  const canEdit = await canEditWorkstream(actor, workstream.id);
  // A milestone opened from the roadmap (?milestone=ID) is shown on its page of the table, highlighted.
  const highlightId = Number(Array.isArray(rawQuery.milestone) ? rawQuery.milestone[0] : rawQuery.milestone);
  const [table, changes] = await Promise.all([
    milestoneTableIn(workstream, {
      locale,
      today,
      page: rawQuery.page === undefined ? undefined : query.page,
      pageSize: MILESTONES_PER_PAGE,
      highlightId: Number.isInteger(highlightId) ? highlightId : undefined,
      withTranslations: canEdit,
    }),
    changesOfWorkstreamIn(workstream.id, { page: query.cpage, pageSize: CHANGES_PER_PAGE }, locale),
  ]);
  const feed = changes.items;
  const editId = Number(Array.isArray(rawQuery.edit) ? rawQuery.edit[0] : rawQuery.edit);
  // The roadmap, filtered to this workstream, opens on the stretch of time its milestones cover.
  const roadmapView = workstream.span ? viewFitting(dayOf(workstream.span.start), dayOf(workstream.span.end)) : null;
  const monthYear = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });
  /** This page with its two pagers' positions (the table's and the changes feed's). */
  const pageHref = (pages: { page: number; cpage: number }, anchor: string) =>
    `/workstreams/${workstream.slug}${filtersToQuery({}, { page: pages.page > 1 ? pages.page : undefined, cpage: pages.cpage > 1 ? pages.cpage : undefined })}#${anchor}`;

  const milestoneTable = (
    <div className="table-scroll">
      <table className="milestone-table" data-testid="milestone-table">
        <caption className="visually-hidden">{t("milestonesCaption", { name: workstream.name.text })}</caption>
        <thead>
          <tr>
            {canEdit && (
              <th scope="col" className="select-cell">
                <SelectAllMilestones />
              </th>
            )}
            <th scope="col">{t("date")}</th>
            <th scope="col">{t("milestone")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("source")}</th>
            <th scope="col">{t("evidence")}</th>
          </tr>
        </thead>
        <tbody>
          {table.items.map((milestone) => {
            return (
              <tr
                key={milestone.id}
                id={`milestone-${milestone.id}`}
                data-testid="milestone-row"
                className={milestone.id === highlightId ? "milestone-row--highlight" : undefined}
                aria-current={milestone.id === highlightId ? "true" : undefined}
              >
                {canEdit && (
                  <td className="select-cell">
                    <SelectMilestone id={milestone.id} label={milestone.title.text} />
                  </td>
                )}
                <td className="nowrap">
                  {formatPartialDate(milestone.date, locale)}
                  <SlipNote baselineDate={milestone.baselineDate} date={milestone.date} />
                  {milestone.completedOn && milestone.completedOn !== milestone.date && (
                    <div className="muted">{t("completedOn", { date: formatPartialDate(milestone.completedOn, locale) })}</div>
                  )}
                </td>
                <td>
                  <div className="milestone-title">
                    <Localized value={milestone.title} />
                  </div>
                  {milestone.originalTitle && (
                    <div lang={milestone.originalTitle.lang} className="muted">
                      {milestone.originalTitle.text}
                    </div>
                  )}
                  {milestone.lateReason?.by && (
                    <p className="milestone-reason" data-testid="milestone-reason">
                      <ReasonText reason={milestone.lateReason} />
                    </p>
                  )}
                  {milestone.quoteZh && (
                    <blockquote lang="zh" className="quote">
                      “{milestone.quoteZh}”
                    </blockquote>
                  )}
                  <StatusBand
                    periodStart={milestone.periodStart}
                    periodEnd={milestone.periodEnd}
                    status={milestone.status}
                    history={milestone.history}
                    baseline={milestone.baseline}
                  />
                  <details className="history">
                    <summary>{t("history", { count: milestone.history.length })}</summary>
                    <ol className="history__list" reversed>
                      {milestone.history.map((entry) => (
                        <li key={entry.id}>
                          <HistoryEntryText entry={entry} />
                        </li>
                      ))}
                    </ol>
                  </details>
                </td>
                <td>
                  <MilestoneEditor initial={editorStateOf(milestone)} canEdit={canEdit} openOnLoad={editId === milestone.id} overdue={milestone.overdue} />
                </td>
                <td className="nowrap" data-testid="milestone-source">
                  {milestone.sourceParagraph !== null ? t("paragraphRef", { paragraph: milestone.sourceParagraph }) : t("noSource")}
                  {milestone.sourceFootnote !== null && <div className="muted">{t("footnoteRef", { footnote: milestone.sourceFootnote })}</div>}
                  {milestone.alsoParagraphs.length > 0 && (
                    <div className="muted" data-testid="milestone-also-paragraphs">
                      {t("alsoParagraphsRef", { paragraphs: format.list(milestone.alsoParagraphs.map(String)) })}
                    </div>
                  )}
                </td>
                <td>
                  {milestone.evidence.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="evidence-list">
                      {milestone.evidence.map((evidence) => (
                        <li key={evidence.value}>
                          <EvidenceItem evidence={evidence} locale={locale} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="page">
      <PageHeader
        className="workstream-header"
        back={{ label: t("breadcrumb"), link: <Link href="/">{t("backToOverview")}</Link> }}
        title={<Localized value={workstream.name} />}
        // The name in the report's other language, as the report gives it.
        lead={workstream.originalName && <span lang={workstream.originalName.lang}>{workstream.originalName.text}</span>}
        aside={<HealthBadge health={workstream.health} />}
      />

      <section className="workstream-facts" aria-label={t("factsLabel")}>
        <dl className="card__facts">
          <div>
            <dt>{t("body")}</dt>
            <dd>
              <Localized value={workstream.bodyName} />
              {workstream.originalBodyName && (
                <>
                  {" "}
                  <span lang={workstream.originalBodyName.lang}>({workstream.originalBodyName.text})</span>
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("leads")}</dt>
            <dd>{workstream.leads.length ? format.list(workstream.leads) : t("noLeads")}</dd>
          </div>
          <div>
            <dt>{t("paragraphs")}</dt>
            <dd data-testid="workstream-paragraphs">
              {t("paragraphList", { symbol: SOURCE_REPORT_SYMBOL, paragraphs: format.list(workstream.paragraphs.map(String)) })}
            </dd>
          </div>
          <div>
            <dt>{t("progress")}</dt>
            <dd>
              {t("progressValue", {
                completed: workstream.progress.completed,
                total: workstream.progress.total,
                percent: format.number(workstream.progress.ratio, { style: "percent" }),
              })}
            </dd>
          </div>
        </dl>
        {workstream.summary.text && (
          <p className="summary">
            <Localized value={workstream.summary} />
          </p>
        )}
        {workstream.originalSummary && (
          <p className="summary" lang={workstream.originalSummary.lang}>
            {workstream.originalSummary.text}
          </p>
        )}
        {workstream.evidence.length > 0 && (
          <p>
            <strong>{t("evidence")}:</strong>{" "}
            {workstream.evidence.map((evidence) => (
              <span key={evidence.value}>
                <EvidenceItem evidence={evidence} locale={locale} />{" "}
              </span>
            ))}
          </p>
        )}
        <ul className="totals__list" aria-label={t("statusMix")}>
          {MILESTONE_STATUSES.filter((status) => workstream.counts[status] > 0).map((status) => (
            <li key={status}>
              <span className="swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              <span className="totals__number">{format.number(workstream.counts[status])}</span> {tStatus(status)}
            </li>
          ))}
          {workstream.overdue > 0 && (
            <li>
              <span className="totals__number">{format.number(workstream.overdue)}</span> {tStatus("overdue")}
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby="timeline-heading" className="workstream-roadmap" data-testid="workstream-roadmap">
        <h2 id="timeline-heading">{t("timeline")}</h2>
        {workstream.span && roadmapView ? (
          <p>
            {t("roadmapSpan", { start: monthYear(workstream.span.start), end: monthYear(workstream.span.end) })}
            {workstream.slipped.count > 0 && <> · {tSlip("card", { count: workstream.slipped.count, months: workstream.slipped.maxMonths })}</>}{" "}
            <Link
              href={`/timeline${filtersToQuery({ workstream: workstream.slug }, { from: isoOf(roadmapView.start), zoom: roadmapView.zoom })}`}
              data-testid="workstream-roadmap-link"
            >
              {t("openOnRoadmap")}
            </Link>
          </p>
        ) : (
          <p className="empty-state">{t("noMilestones")}</p>
        )}
      </section>

      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{t("milestones", { count: table.totalItems })}</h2>
        {canEdit && <AddMilestoneForm slug={workstream.slug} />}
        {table.items.length === 0 ? (
          <p className="empty-state">{t("noMilestones")}</p>
        ) : canEdit ? (
          <MilestoneSelection
            listLabel={t("milestonesCaption", { name: workstream.name.text })}
            milestones={table.items.map((milestone) => ({
              id: milestone.id,
              version: milestone.version,
              title: milestone.title.text,
              titleLang: milestone.title.lang,
            }))}
          >
            {milestoneTable}
          </MilestoneSelection>
        ) : (
          milestoneTable
        )}
        <Pagination
          page={table.page}
          totalPages={table.totalPages}
          hrefFor={(p) => pageHref({ page: p, cpage: changes.page }, "milestones-heading")}
          label={t("paginationLabel")}
        />
      </section>

      <section aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("changesHeading")}</h2>
        {feed.length === 0 ? (
          <p className="muted">{t("noChanges")}</p>
        ) : (
          <ol className="feed" data-testid="history-feed">
            {feed.map((entry) => (
              <li key={entry.id}>
                <span className="feed__milestone">
                  <Localized value={entry.milestoneTitle} />
                  {entry.milestoneRemoved && <span className="badge badge--cancelled"> {t("removedMark")}</span>}
                </span>
                <HistoryEntryText entry={entry} />
              </li>
            ))}
          </ol>
        )}
        <Pagination
          page={changes.page}
          totalPages={changes.totalPages}
          hrefFor={(p) => pageHref({ page: table.page, cpage: p }, "changes-heading")}
          label={t("changesPaginationLabel")}
        />
      </section>
    </div>
  );
}
