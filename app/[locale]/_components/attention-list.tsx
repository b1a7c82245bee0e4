import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ATTENTION_LEVELS } from "@/lib/domain/attention";
import { formatPartialDate } from "@/lib/domain/partial-date";
import type { AttentionItem, AttentionList as AttentionPage } from "@/lib/queries/attention";
import { contentLocale, Localized } from "./localized";
import { Pagination } from "./pagination";
import { ReasonText } from "./reason-text";

/** How many rows show before "Show more": the rest of the page stays one click away. */
const VISIBLE = 6;

/**
 * Delayed, overdue and at-risk milestones at the top of the overview, most severe first: what is
 * late, why (the latest note, by whom, when), and the new expected date with the slip.
 */
export async function AttentionList({ list, hrefForPage }: { list: AttentionPage; hrefForPage: (page: number) => string }) {
  const t = await getTranslations("attention");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const shown = list.items.slice(0, VISIBLE);
  const more = list.items.slice(VISIBLE);
  return (
    <section aria-labelledby="attention-heading" className="attention" data-testid="attention">
      <div className="section-heading">
        <h2 id="attention-heading">{t("heading")}</h2>
        {list.totalItems > 0 && (
          <ul className="attention__levels" aria-label={t("levelsLabel")}>
            {ATTENTION_LEVELS.filter((level) => list.levels[level] > 0).map((level) => (
              <li key={level} className={`attention__level attention__level--${level}`}>
                <span className="totals__number">{format.number(list.levels[level])}</span> {tStatus(level)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {list.totalItems === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <>
          <ol className="attention__list">
            {shown.map((item) => (
              <AttentionRow key={item.id} item={item} />
            ))}
          </ol>
          {more.length > 0 && (
            <details className="attention__more">
              <summary>{t("showMore", { count: more.length })}</summary>
              <ol className="attention__list" start={VISIBLE + 1}>
                {more.map((item) => (
                  <AttentionRow key={item.id} item={item} />
                ))}
              </ol>
            </details>
          )}
          <Pagination page={list.page} totalPages={list.totalPages} hrefFor={hrefForPage} label={t("paginationLabel")} />
        </>
      )}
    </section>
  );
}

async function AttentionRow({ item }: { item: AttentionItem }) {
  const t = await getTranslations("attention");
  const tStatus = await getTranslations("status");
  const locale = await contentLocale();
  const date = formatPartialDate(item.date, locale);
  return (
    <li className={`attention__item attention__item--${item.level}`} data-testid="attention-item" data-level={item.level}>
      <span className={`badge badge--${item.level}`}>{tStatus(item.level)}</span>
      <div className="attention__body">
        <Link href={`/workstreams/${item.workstreamSlug}#milestone-${item.id}`} className="attention__title">
          <Localized value={item.title} />
        </Link>
        <span className="attention__workstream muted">
          <Localized value={item.workstreamName} />
        </span>
        <span className="attention__dates">
          {item.level === "overdue" ? t("dueBy", { date }) : t("expected", { date })}
          {item.slip && item.baselineDate && (
            <>
              {" · "}
              <strong className="attention__slip">
                {item.slip.amount >= 0
                  ? t(item.slip.unit === "month" ? "slipMonths" : "slipDays", { amount: item.slip.amount })
                  : t(item.slip.unit === "month" ? "earlierMonths" : "earlierDays", { amount: -item.slip.amount })}
              </strong>{" "}
              <span className="muted">{t("baseline", { date: formatPartialDate(item.baselineDate, locale) })}</span>
            </>
          )}
        </span>
        {item.reason && <ReasonText reason={item.reason} />}
      </div>
    </li>
  );
}
