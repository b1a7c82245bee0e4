"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/locales";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { isReplanStatus } from "@/lib/domain/slip";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import { STATUSES_NEEDING_NOTE } from "@/lib/validation/milestones";

type TextDraft = Record<string, string>;

/**
 * Wiring for a milestone form's fields: ids, values, change handlers and the error shown
 * next to each field (linked by aria-describedby).
 */
export function useFieldWiring<D extends TextDraft>(draft: D, setDraft: (update: (d: D) => D) => void, errors: Partial<Record<string, string>>) {
  const t = useTranslations("editor");
  const ids = useId();
  const field = (name: keyof D & string) => ({
    id: `${ids}-${name}`,
    name,
    value: draft[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${ids}-${name}-error` : undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setDraft((d) => ({ ...d, [name]: event.target.value })),
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${ids}-${name}-error`} className="field-error">
        {t("fieldError", { reason: errors[name]! })}
      </p>
    ) : null;
  return { ids, field, errorFor };
}

export type FieldWiring<D extends TextDraft> = ReturnType<typeof useFieldWiring<D>>;

type StatusDraft = { status: string; completedOn: string; note: string; evidence: string };

/**
 * Status, a new expected date (when `plannedDate` is given and the status is delayed or at risk),
 * completion date (when completed), note (required for some statuses) and evidence.
 */
export function StatusFields<D extends TextDraft & StatusDraft>({
  draft,
  wiring,
  plannedDate,
  keepStatus = false,
}: {
  draft: D;
  wiring: FieldWiring<D>;
  /** Offers "keep each one's status" (value ""), for a change to several milestones at once. */
  keepStatus?: boolean;
  /** The milestone's current date (null in a bulk update, with several): asks for a new expected date. */
  plannedDate?: string | null;
}) {
  const t = useTranslations("editor");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const { ids, field, errorFor } = wiring;
  const needsNote = STATUSES_NEEDING_NOTE.includes(draft.status as MilestoneStatus);
  const asksForDate = plannedDate !== undefined && "expectedDate" in draft && isReplanStatus(draft.status);
  return (
    <>
      <div className="field">
        <label htmlFor={`${ids}-status`}>{t("status")}</label>
        <select {...field("status")}>
          {keepStatus && <option value="">{t("keepStatus")}</option>}
          {MILESTONE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
        {errorFor("status")}
      </div>
      {asksForDate && (
        <div className="field">
          <label htmlFor={`${ids}-expectedDate`}>{t("expectedDate")}</label>
          <input {...field("expectedDate" as keyof D & string)} inputMode="numeric" placeholder="2023-06" />
          <p className="hint">{plannedDate ? t("expectedDateHint", { date: formatPartialDate(plannedDate, locale) }) : t("expectedDateHintBulk")}</p>
          {errorFor("expectedDate")}
        </div>
      )}
      {draft.status === "completed" && (
        <div className="field">
          <label htmlFor={`${ids}-completedOn`}>
            {t("completedOn")} <span className="required-mark">*</span>
          </label>
          <input {...field("completedOn")} inputMode="numeric" placeholder="2022-03" />
          <p className="hint">{t("dateHint")}</p>
          {errorFor("completedOn")}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${ids}-note`}>
          {t("note")} {needsNote && <span className="required-mark">{t("required")}</span>}
        </label>
        <textarea {...field("note")} rows={3} maxLength={2000} />
        {needsNote && <p className="hint">{t("noteHint")}</p>}
        {errorFor("note")}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-evidence`}>{t("evidence")}</label>
        <textarea {...field("evidence")} rows={2} placeholder="CEB/2022/1/Add.1" />
        <p className="hint">{t("evidenceHint")}</p>
        {errorFor("evidence")}
      </div>
    </>
  );
}

/** Lines of the evidence box, trimmed, blank ones left out. */
export const evidenceLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/** The page's language, which content (a milestone's title) is picked for. */
export function usePageLocale(): Locale {
  const locale = useLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
