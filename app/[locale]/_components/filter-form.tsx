"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { useReasonText } from "@/lib/client/use-reason-text";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { InvalidParam } from "@/lib/errors";

type Props = {
  years: number[];
  bodies: { code: string; name: string; depth: number }[];
  current: { year?: number; body?: string; status?: MilestoneStatus[] };
  invalidParams: InvalidParam[];
};

/**
 * Filters kept in the URL so any view can be shared. Works as a plain GET form without
 * JavaScript; with it, every change applies at once.
 */
export function FilterForm({ years, bodies, current, invalidParams }: Props) {
  const t = useTranslations("filters");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const reasonText = useReasonText();
  const errorFor = (name: string) => invalidParams.find((param) => param.name === name);

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const next = new URLSearchParams();
    // Keep parameters this form does not own (none yet besides paging, which resets).
    searchParams.forEach((value, key) => {
      if (!["year", "body", "status", "page"].includes(key)) next.append(key, value);
    });
    const year = String(data.get("year") ?? "");
    const body = String(data.get("body") ?? "");
    const statuses = data.getAll("status").map(String);
    if (year) next.set("year", year);
    if (body) next.set("body", body);
    if (statuses.length) next.set("status", statuses.join(","));
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
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
      onChange={(event) => apply(event.currentTarget)}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
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
      <fieldset
        className="filters__statuses"
        aria-invalid={statusError ? true : undefined}
        aria-describedby={statusError ? "filter-status-error" : undefined}
      >
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
