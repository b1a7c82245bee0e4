import type { CSSProperties } from "react";
import { Link } from "@/i18n/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { directionOf, isLocale } from "@/i18n/locales";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { type Axis, isContinuous, layoutLane, placeOn, type Placement, ticksOf, xOf } from "@/lib/domain/timeline-layout";
import type { Direction } from "@/lib/domain/text-direction";
import type { LocalizedText } from "@/lib/content/localized-text";
import type { MilestoneRow } from "@/lib/queries/milestones";
import { Localized, UntranslatedMark } from "./localized";
import { STATUS_COLORS } from "@/lib/domain/status-colors";

/**
 * A milestone as the timeline draws it: its title in the page's language (or marked English) and,
 * when it is late, the latest reason as one line ("note" — name, date) for its tooltip.
 */
export type TimelineMilestone = MilestoneRow & { title: LocalizedText; reason?: string | null };
export type TimelineLane = { slug: string; name: LocalizedText; milestones: TimelineMilestone[] };

type Props = { lanes: TimelineLane[]; axis: Axis; today: string; caption: string; editable?: boolean };

const ROW_HEIGHT = 26;
const MARKER_MIN_WIDTH = 0.018;
const BAR_MIN_WIDTH = 0.006;

const percent = (fraction: number) => `${fraction * 100}%`;

/**
 * Position of a placed box on the track. It is anchored on the side where its period starts
 * (the right in right-to-left), so CSS minimum sizes and the day marker's centring, written with
 * logical properties, grow toward later dates in both directions.
 */
function boxStyle({ x, width }: Placement, direction: Direction): CSSProperties {
  return direction === "rtl" ? { right: percent(1 - x - width), width: percent(width) } : { left: percent(x), width: percent(width) };
}

/**
 * Swim lanes on one time axis. A milestone is drawn over the whole period its date covers:
 * a year-only date spans its year, a month its month, a day is a point marker. In a right-to-left
 * language the axis is mirrored: the earliest date at the right, lane names on the right.
 */
export async function Timeline({ lanes, axis, today, caption, editable = false }: Props) {
  const t = await getTranslations("timeline");
  const tStatus = await getTranslations("status");
  const locale = await getLocale();
  const format = await getFormatter();
  const direction: Direction = isLocale(locale) ? directionOf(locale) : "ltr";
  const ticks = ticksOf(
    axis,
    (year, month) => format.dateTime(new Date(Date.UTC(year, month - 1, 1)), { month: "short", timeZone: "UTC" }),
    (year) => format.dateTime(new Date(Date.UTC(year, 0, 1)), { year: "numeric", timeZone: "UTC" }),
  ).map((tick) => ({ ...tick, place: placeOn({ start: tick.position, width: tick.end - tick.position }, direction) }));
  const todayInRange = today >= axis.start && today <= axis.end;
  const todayLabel = formatPartialDate(today, locale);

  return (
    // `dir` here as well as on <html>: the logical CSS inside must agree with the direction the layout used.
    <figure className="timeline" data-testid="timeline" dir={direction} data-direction={direction}>
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
            <span className="legend-shape legend-shape--ongoing" aria-hidden="true" />
            {t("legendOngoing")}
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
              <span key={tick.position} className="timeline__tick" style={boxStyle(tick.place, direction)} data-kind={tick.kind}>
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        <ol className="timeline__lanes">
          {lanes.map((lane) => {
            const placed = layoutLane(lane.milestones, axis, direction, { markerWidth: MARKER_MIN_WIDTH, minBarWidth: BAR_MIN_WIDTH });
            const rows = Math.max(1, ...placed.map((item) => item.row + 1));
            return (
              <li key={lane.slug} className="timeline__lane" data-testid="timeline-lane" data-slug={lane.slug}>
                <div className="timeline__lane-label">
                  <Link href={`/workstreams/${lane.slug}`} lang={lane.name.lang} dir="auto">
                    {lane.name.text}
                  </Link>
                  {!lane.name.translated && <UntranslatedMark />}
                </div>
                <div className="timeline__track" style={{ blockSize: rows * ROW_HEIGHT + 8 }}>
                  {ticks.map((tick) => (
                    <span key={tick.position} className="timeline__gridline" style={boxStyle(tick.place, direction)} aria-hidden="true" />
                  ))}
                  {todayInRange && (
                    <span
                      className="timeline__today"
                      style={boxStyle({ x: xOf(today, axis, direction), width: 0 }, direction)}
                      data-testid="timeline-today"
                      data-date={today}
                      aria-hidden="true"
                    />
                  )}
                  {lane.milestones.length === 0 && <span className="timeline__empty">{t("noMilestonesInLane")}</span>}
                  <ul className="timeline__items">
                    {placed.map(({ item: milestone, row, ...place }) => {
                      const when = formatPartialDate(milestone.date, locale);
                      const label = `${milestone.title.text} — ${when} — ${tStatus(milestone.status)}${milestone.overdue ? `, ${tStatus("overdue")}` : ""}${milestone.reason ? ` — ${milestone.reason}` : ""}`;
                      // Ongoing work is a continuous band to the end of the axis, whatever its date's precision.
                      const continuous = isContinuous(milestone);
                      const point = milestone.datePrecision === "day" && !continuous;
                      return (
                        <li
                          key={milestone.id}
                          className={`timeline__item timeline__item--${point || !continuous ? milestone.datePrecision : "band"}${continuous ? " timeline__item--ongoing" : ""}${milestone.overdue ? " timeline__item--overdue" : ""}`}
                          style={{
                            ...boxStyle(place, direction),
                            // A day is a fixed-size marker centred on the start of its day (CSS).
                            width: point ? undefined : percent(place.width),
                            insetBlockStart: row * ROW_HEIGHT + 4,
                            ["--status-color" as string]: STATUS_COLORS[milestone.status],
                          }}
                          data-testid="timeline-item"
                          data-milestone-id={milestone.id}
                          data-period-start={milestone.periodStart}
                          data-period-end={milestone.periodEnd}
                          data-precision={milestone.datePrecision}
                          data-date={milestone.date}
                          data-status={milestone.status}
                          data-continuous={continuous ? "true" : undefined}
                        >
                          <Link
                            href={`/workstreams/${milestone.workstreamSlug}${editable ? `?edit=${milestone.id}` : ""}#milestone-${milestone.id}`}
                            aria-label={label}
                          >
                            {!point && (
                              <span className="timeline__item-text" lang={milestone.title.lang} dir="auto" aria-hidden="true">
                                {milestone.title.text}
                              </span>
                            )}
                          </Link>
                          <span className="timeline__tooltip" role="tooltip">
                            <strong lang={milestone.title.lang} dir="auto">
                              {milestone.title.text}
                            </strong>
                            <br />
                            {when} · {tStatus(milestone.status)}
                            {milestone.overdue ? ` · ${tStatus("overdue")}` : ""}
                            {milestone.reason && (
                              <>
                                <br />
                                <span dir="auto" data-testid="timeline-reason">
                                  {milestone.reason}
                                </span>
                              </>
                            )}
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
                  <td>
                    <Localized value={lane.name} />
                  </td>
                  <td>{formatPartialDate(milestone.date, locale)}</td>
                  <td>
                    <Localized value={milestone.title} />
                  </td>
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
