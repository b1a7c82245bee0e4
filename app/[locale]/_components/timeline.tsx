import { Link } from "@/i18n/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { assignRows, type Axis, positionOf, spanOf, ticksOf } from "@/lib/domain/timeline-layout";
import type { MilestoneRow } from "@/lib/queries/milestones";
import { STATUS_COLORS } from "./status-colors";

export type TimelineLane = { slug: string; name: string; milestones: MilestoneRow[] };

type Props = { lanes: TimelineLane[]; axis: Axis; today: string; caption: string; editable?: boolean };

const ROW_HEIGHT = 26;
const MARKER_MIN_WIDTH = 0.018;

/**
 * Swim lanes on one time axis. A milestone is drawn over the whole period its date covers:
 * a year-only date spans its year, a month its month, a day is a point marker.
 */
export async function Timeline({ lanes, axis, today, caption, editable = false }: Props) {
  const t = await getTranslations("timeline");
  const tStatus = await getTranslations("status");
  const locale = await getLocale();
  const monthFormat = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const ticks = ticksOf(axis, (year, month) => monthFormat.format(new Date(Date.UTC(year, month - 1, 1))));
  const todayInRange = today >= axis.start && today <= axis.end;
  const todayLabel = formatPartialDate(today, locale);

  return (
    <figure className="timeline" data-testid="timeline">
      <figcaption className="visually-hidden">{caption}</figcaption>
      <div className="timeline__legend" aria-label={t("legend")} role="group">
        <ul>
          {MILESTONE_STATUSES.map((status) => (
            <li key={status}>
              <span className="swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              {tStatus(status)}
            </li>
          ))}
          <li>
            <span className="legend-shape legend-shape--overdue" aria-hidden="true" />
            {tStatus("overdue")}
          </li>
          <li>
            <span className="legend-shape legend-shape--year" aria-hidden="true" />
            {t("precisionYear")}
          </li>
          <li>
            <span className="legend-shape legend-shape--month" aria-hidden="true" />
            {t("precisionMonth")}
          </li>
          <li>
            <span className="legend-shape legend-shape--day" aria-hidden="true" />
            {t("precisionDay")}
          </li>
          <li>
            <span className="legend-shape legend-shape--today" aria-hidden="true" />
            {t("today", { date: todayLabel })}
          </li>
        </ul>
        {!todayInRange && (
          <p className="muted" data-testid="today-outside">
            {today > axis.end ? t("todayAfter", { date: todayLabel }) : t("todayBefore", { date: todayLabel })}
          </p>
        )}
      </div>
      <div className="timeline__grid">
        <div className="timeline__axis" aria-hidden="true">
          <div className="timeline__lane-label" />
          <div className="timeline__track">
            {ticks.map((tick) => (
              <span key={tick.label + tick.position} className="timeline__tick" style={{ insetInlineStart: `${tick.position * 100}%` }}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        <ol className="timeline__lanes">
          {lanes.map((lane) => {
            const placed = assignRows(
              lane.milestones.map((milestone) => ({ milestone, ...spanOf(milestone.periodStart, milestone.periodEnd, axis) })),
              MARKER_MIN_WIDTH,
            );
            const rows = Math.max(1, ...placed.map((item) => item.row + 1));
            return (
              <li key={lane.slug} className="timeline__lane" data-testid="timeline-lane" data-slug={lane.slug}>
                <div className="timeline__lane-label">
                  <Link href={`/workstreams/${lane.slug}`}>{lane.name}</Link>
                </div>
                <div className="timeline__track" style={{ blockSize: rows * ROW_HEIGHT + 8 }}>
                  {ticks.map((tick) => (
                    <span key={tick.label + tick.position} className="timeline__gridline" style={{ insetInlineStart: `${tick.position * 100}%` }} aria-hidden="true" />
                  ))}
                  {todayInRange && (
                    <span className="timeline__today" style={{ insetInlineStart: `${positionOf(today, axis) * 100}%` }} aria-hidden="true" />
                  )}
                  {lane.milestones.length === 0 && <span className="timeline__empty">{t("noMilestonesInLane")}</span>}
                  <ul className="timeline__items">
                    {placed.map(({ milestone, start, width, row }) => {
                      const when = formatPartialDate(milestone.date, locale);
                      const label = `${milestone.titleEn} — ${when} — ${tStatus(milestone.status)}${milestone.overdue ? `, ${tStatus("overdue")}` : ""}`;
                      const point = milestone.datePrecision === "day";
                      return (
                        <li
                          key={milestone.id}
                          className={`timeline__item timeline__item--${milestone.datePrecision}${milestone.overdue ? " timeline__item--overdue" : ""}`}
                          style={{
                            insetInlineStart: `${start * 100}%`,
                            inlineSize: point ? undefined : `${Math.max(width * 100, 0.6)}%`,
                            insetBlockStart: row * ROW_HEIGHT + 4,
                            ["--status-color" as string]: STATUS_COLORS[milestone.status],
                          }}
                          data-testid="timeline-item"
                          data-date={milestone.date}
                          data-status={milestone.status}
                        >
                          <Link
                            href={`/workstreams/${milestone.workstreamSlug}${editable ? `?edit=${milestone.id}` : ""}#milestone-${milestone.id}`}
                            aria-label={label}
                          >
                            {!point && (
                              <span className="timeline__item-text" aria-hidden="true">
                                {milestone.titleEn}
                              </span>
                            )}
                          </Link>
                          <span className="timeline__tooltip" role="tooltip">
                            <strong>{milestone.titleEn}</strong>
                            <br />
                            {when} · {tStatus(milestone.status)}
                            {milestone.overdue ? ` · ${tStatus("overdue")}` : ""}
                          </span>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </figure>
  );
}

/** The text alternative: every milestone of the timeline in a table, lane by lane. */
export async function TimelineTable({ lanes }: { lanes: TimelineLane[] }) {
  const t = await getTranslations("timeline");
  const tStatus = await getTranslations("status");
  const locale = await getLocale();
  return (
    <details className="chart-table">
      <summary>{t("showTable")}</summary>
      <div className="table-scroll">
        <table data-testid="timeline-table">
          <caption className="visually-hidden">{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("workstream")}</th>
              <th scope="col">{t("date")}</th>
              <th scope="col">{t("milestone")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {lanes.flatMap((lane) =>
              lane.milestones.map((milestone) => (
                <tr key={milestone.id}>
                  <td>{lane.name}</td>
                  <td>{formatPartialDate(milestone.date, locale)}</td>
                  <td>{milestone.titleEn}</td>
                  <td>
                    {tStatus(milestone.status)}
                    {milestone.overdue ? ` (${tStatus("overdue")})` : ""}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}
