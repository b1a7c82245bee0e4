"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { useReasonText } from "@/lib/client/use-reason-text";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { InvalidParam } from "@/lib/errors";

type Props = {
  years: number[];
  bodies: { code: string; name: string; depth: number }[];
  current: { year?: number; body?: string; status?: MilestoneStatus[]; q?: string; sort?: string; workstream?: string };
  invalidParams: InvalidParam[];
  /** The sort orders this page offers (the overview's cards); none elsewhere. */
  sorts?: readonly string[];
};

/** Pause after the last keystroke before the page follows the search box. */
const SEARCH_DELAY_MS = 300;

/**
 * Filters kept in the URL so any view can be shared. Works as a plain GET form without
 * JavaScript; with it, every change applies at once.
 */
export function FilterForm({ years, bodies, current, invalidParams, sorts }: Props) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const reasonText = useReasonText();
  const errorFor = (name: string) => invalidParams.find((param) => param.name === name);
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => clearTimeout(searchTimer.current ?? undefined), []);

  function apply(form: HTMLFormElement) {
    clearTimeout(searchTimer.current ?? undefined);
    const data = new FormData(form);
    const next = new URLSearchParams();
    // Keep parameters this form does not own; paging (of cards and of the Attention list) resets.
    searchParams.forEach((value, key) => {
      if (!["year", "body", "status", "q", "sort", "page", "apage"].includes(key)) next.append(key, value);
    });
    const q = String(data.get("q") ?? "").trim();
    const year = String(data.get("year") ?? "");
    const body = String(data.get("body") ?? "");
    const statuses = data.getAll("status").map(String);
    const sort = String(data.get("sort") ?? "");
    if (q) next.set("q", q);
    if (year) next.set("year", year);
    if (body) next.set("body", body);
    if (statuses.length) next.set("status", statuses.join(","));
    if (sort && sort !== "report") next.set("sort", sort);
    const query = next.toString();
    if (query === searchParams.toString()) return;
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  /** Results as you type: the search box applies once typing pauses (and not mid-composition of Chinese input). */
  function applySoon(form: HTMLFormElement) {
    clearTimeout(searchTimer.current ?? undefined);
    searchTimer.current = setTimeout(() => apply(form), SEARCH_DELAY_MS);
  }

  const yearError = errorFor("year");
  const bodyError = errorFor("body");
  const statusError = errorFor("status");

  return (
    <form
      className="filters"
      method="get"
      aria-label={t("label")}
      aria-busy={pending}
      onChange={(event) => {
        const target = event.target as EventTarget as HTMLInputElement;
        if (target.name !== "q") return apply(event.currentTarget);
        if (!(event.nativeEvent as InputEvent).isComposing) applySoon(event.currentTarget);
      }}
      onCompositionEnd={(event) => applySoon(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      <div className="filters__field filters__search" role="search">
        <label htmlFor="filter-q">{t("search")}</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={current.q ?? ""}
          placeholder={t("searchPlaceholder")}
          aria-describedby="filter-q-hint"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          onKeyDown={(event) => {
            // Escape empties the box and shows everything again, in every browser.
            if (event.key !== "Escape" || !event.currentTarget.value) return;
            event.preventDefault();
            event.currentTarget.value = "";
            if (event.currentTarget.form) apply(event.currentTarget.form);
          }}
        />
        <span id="filter-q-hint" className="filters__hint">
          {t("searchHint")}
        </span>
      </div>
      <div className="filters__field">
        <label htmlFor="filter-year">{t("year")}</label>
        <select
          id="filter-year"
          name="year"
          defaultValue={current.year ?? ""}
          aria-invalid={yearError ? true : undefined}
          aria-describedby={yearError ? "filter-year-error" : undefined}
        >
          <option value="">{t("allYears")}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
        {yearError && (
          <p id="filter-year-error" className="field-error" role="alert">
            {t("invalid", { reason: reasonText(yearError) })}
          </p>
        )}
      </div>
      <div className="filters__field">
        <label htmlFor="filter-body">{t("body")}</label>
        <select
          id="filter-body"
          name="body"
          defaultValue={current.body ?? ""}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={bodyError ? "filter-body-error" : undefined}
        >
          <option value="">{t("allBodies")}</option>
          {bodies.map((body) => (
            <option key={body.code} value={body.code}>
              {"\u2003".repeat(body.depth)}
              {body.name}
            </option>
          ))}
        </select>
        {bodyError && (
          <p id="filter-body-error" className="field-error" role="alert">
            {t("invalid", { reason: reasonText(bodyError) })}
          </p>
        )}
      </div>
      <fieldset className="filters__statuses" aria-invalid={statusError ? true : undefined} aria-describedby={statusError ? "filter-status-error" : undefined}>
        <legend>{t("status")}</legend>
        {MILESTONE_STATUSES.map((status) => (
          <label key={status} className="check">
            <input type="checkbox" name="status" value={status} defaultChecked={current.status?.includes(status)} />
            {tStatus(status)}
          </label>
        ))}
        {statusError && (
          <p id="filter-status-error" className="field-error" role="alert">
            {t("invalid", { reason: reasonText(statusError) })}
          </p>
        )}
      </fieldset>
      {sorts && (
        <div className="filters__field">
          <label htmlFor="filter-sort">{t("sort")}</label>
          <select id="filter-sort" name="sort" defaultValue={current.sort ?? "report"}>
            {sorts.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {/* Without JavaScript the form submits itself: keep the one workstream the roadmap was opened on. */}
      {current.workstream && <input type="hidden" name="workstream" value={current.workstream} />}
      <div className="filters__actions">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <a className="button button--quiet" href={pathname}>
          {t("reset")}
        </a>
        <span className="filters__pending" aria-live="polite">
          {pending ? t("updating") : ""}
        </span>
      </div>
    </form>
  );
}
