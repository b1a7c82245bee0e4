import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import type { WorkstreamReason } from "@/lib/queries/attention";
import type { WorkstreamSummaryView } from "@/lib/queries/localized";
import { HealthBadge, StatusBadge } from "./badges";
import { contentLocale, Localized, UntranslatedMark } from "./localized";
import { ReasonText } from "./reason-text";
import { STATUS_COLORS } from "@/lib/domain/status-colors";
import { WatchButton } from "./watch-button";

/** One workstream's card, its name and next milestone's title in the page's language. */
export async function WorkstreamCard({
  workstream,
  today,
  reason,
  canWatch = false,
}: {
  workstream: WorkstreamSummaryView;
  today: string;
  /** Why its most pressing milestone is late, when one is. */
  reason?: WorkstreamReason;
  /** A signed-in user may put it on their watch list. */
  canWatch?: boolean;
}) {
  const t = await getTranslations("card");
  const tSlip = await getTranslations("slip");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const locale = await contentLocale();
  const { counts, nextOpen, overall } = workstream;
  // Under a filter the bar and percentage show the whole workstream; the selection is named beside it.
  const progress = overall?.progress ?? workstream.progress;
  const headingId = `ws-${workstream.slug}`;
  const { name, originalName: original } = workstream;
  return (
    <article
      className={workstream.watched ? "card card--watched" : "card"}
      aria-labelledby={headingId}
      data-testid="workstream-card"
      data-slug={workstream.slug}
    >
      <header className="card__header">
        <h3 id={headingId} className="card__title">
          {/* The mark stays outside the link, whose text is the name alone. */}
          <Link href={`/workstreams/${workstream.slug}`} lang={name.lang} dir="auto">
            {name.text}
          </Link>
          {!name.translated && <UntranslatedMark />}
        </h3>
        <span className="card__badges">
          <HealthBadge health={workstream.health} />
          {canWatch && <WatchButton slug={workstream.slug} name={name.text} watched={workstream.watched} />}
        </span>
      </header>
      {original && (
        <p className="card__zh" lang={original.lang}>
          {original.text}
        </p>
      )}
      <dl className="card__facts">
        <div>
          <dt>{t("body")}</dt>
          <dd>
            <abbr title={workstream.bodyNameEn}>{workstream.bodyShortNameEn}</abbr>
          </dd>
        </div>
        <div>
          <dt>{t("leads")}</dt>
          <dd>{workstream.leads.length ? format.list(workstream.leads) : t("noLeads")}</dd>
        </div>
      </dl>
      <div className="progress">
        <p className="progress__label" data-testid="card-figures">
          {overall ? (
            <>
              {t("selected", { selected: workstream.total, all: overall.total })}
              {" · "}
              {t("progressOverall", { completed: progress.completed, total: progress.total })}
            </>
          ) : (
            t("progress", { completed: progress.completed, total: progress.total })
          )}
          <span className="progress__percent"> {format.number(progress.ratio, { style: "percent" })}</span>
        </p>
        <div className="progress__track" aria-hidden="true">
          <div className="progress__fill" style={{ inlineSize: `${Math.round(progress.ratio * 1000) / 10}%` }} />
        </div>
      </div>
      <div className="status-mix">
        <div className="status-mix__bar" aria-hidden="true">
          {MILESTONE_STATUSES.filter((status) => counts[status] > 0).map((status) => (
            // No title: the list below names each status and its count.
            <span key={status} style={{ flexGrow: counts[status], background: STATUS_COLORS[status] }} />
          ))}
        </div>
        <ul className="status-mix__list" aria-label={t("statusMix")}>
          {MILESTONE_STATUSES.filter((status) => counts[status] > 0).map((status) => (
            <li key={status}>
              <span className="swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
              {tStatus(status)} {format.number(counts[status])}
            </li>
          ))}
          {workstream.overdue > 0 && <li className="status-mix__overdue">{t("overdueCount", { count: workstream.overdue })}</li>}
        </ul>
      </div>
      {workstream.slipped.count > 0 && (
        <p className="card__slip slip" data-testid="card-slip">
          {tSlip("card", { count: workstream.slipped.count, months: workstream.slipped.maxMonths })}
        </p>
      )}
      {reason && (
        <p className="card__reason" data-testid="card-reason">
          <span className={`badge badge--${reason.level}`}>{tStatus(reason.level)}</span> <Localized value={reason.title} />:{" "}
          <ReasonText reason={reason.reason} />
        </p>
      )}
      <dl className="card__facts">
        <div>
          <dt>{t("nextOpen")}</dt>
          <dd>
            {nextOpen ? (
              <>
                {workstream.nextOpenTitle && <Localized value={workstream.nextOpenTitle} />}{" "}
                <span className="muted">({formatPartialDate(nextOpen.date, locale)})</span>{" "}
                <StatusBadge status={nextOpen.status} overdue={nextOpen.periodEnd < today} />
              </>
            ) : (
              t("noOpen")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("lastChange")}</dt>
          <dd>{workstream.lastChangeAt ? format.dateTime(new Date(workstream.lastChangeAt), { dateStyle: "medium", timeStyle: "short" }) : t("never")}</dd>
        </div>
      </dl>
    </article>
  );
}
