"use client";

import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { LOCALE_NAMES, TRANSLATION_LOCALES } from "@/i18n/locales";
import "../../_components/localized.css";
import type { WorkstreamFormState, WorkstreamFormValues } from "./actions";
import { translationFieldName, translationFormValues } from "./translation-fields";

type Action = (previous: WorkstreamFormState, form: FormData) => Promise<WorkstreamFormState>;

export const EMPTY_WORKSTREAM: WorkstreamFormValues = {
  slug: "",
  nameEn: "",
  nameZh: "",
  bodyCode: "",
  leads: "",
  summaryEn: "",
  summaryZh: "",
  paragraphs: "",
  ...translationFormValues(),
};

/** Creates a workstream (`mode="create"`) or edits one; the command's zod schema checks both. */
export function WorkstreamForm({
  action,
  mode,
  current,
  bodies,
  renamed = false,
}: {
  action: Action;
  mode: "create" | "edit";
  current: WorkstreamFormValues;
  bodies: { code: string; label: string }[];
  renamed?: boolean;
}) {
  const t = useTranslations("admin");
  const ids = useId();
  const [state, formAction, pending] = useActionState(action, { status: "idle", error: null, fieldErrors: {}, values: null, saved: null });
  const values = state.status === "error" && state.values ? state.values : current;
  const errors = state.fieldErrors;
  const id = (name: string) => `${ids}-${name}`;
  const describedBy = (name: string, hint = false) =>
    [hint ? `${id(name)}-hint` : null, errors[name] ? `${id(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = (name: keyof WorkstreamFormValues, hint = false) => ({
    id: id(name),
    name,
    defaultValue: values[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, hint),
  });
  const hintFor = (name: string, text: string) => (
    <p id={`${id(name)}-hint`} className="hint">
      {text}
    </p>
  );
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${id(name)}-error`} className="field-error" data-testid={`${name}-error`}>
        {t("fieldError", { reason: errors[name] })}
      </p>
    ) : null;
  const required = <span className="required-mark">*</span>;

  return (
    <form action={formAction} className="form form--grid" noValidate data-testid={`workstream-${mode}-form`}>
      {state.status === "error" && (
        <p className="form-error" role="alert">
          {state.error ?? t("fixFields")}
        </p>
      )}
      {state.status === "success" && state.saved && (
        <p className="form-success" role="status">
          {mode === "create" ? t("workstreamForm.created", { name: state.saved.nameEn }) : t("workstreamForm.saved")}{" "}
          <Link href={`/workstreams/${state.saved.slug}`}>{t("workstreamForm.viewPage")}</Link>
        </p>
      )}
      {state.status === "idle" && renamed && (
        <p className="form-success" role="status">
          {t("workstreamForm.renamed")}
        </p>
      )}
      <div className="field">
        <label htmlFor={id("slug")}>
          {t("workstreamForm.slug")} {required}
        </label>
        <input {...common("slug", true)} required maxLength={100} autoComplete="off" spellCheck={false} />
        {hintFor("slug", mode === "create" ? t("workstreamForm.slugHint") : t("workstreamForm.slugRenameHint"))}
        {errorFor("slug")}
      </div>
      <div className="field">
        <label htmlFor={id("bodyCode")}>
          {t("workstreamForm.bodyCode")} {required}
        </label>
        <select {...common("bodyCode")} required>
          <option value="">{t("workstreamForm.chooseBody")}</option>
          {bodies.map((body) => (
            <option key={body.code} value={body.code}>
              {body.label}
            </option>
          ))}
        </select>
        {errorFor("bodyCode")}
      </div>
      <div className="field">
        <label htmlFor={id("leads")}>{t("workstreamForm.leads")}</label>
        <input {...common("leads", true)} autoComplete="off" />
        {hintFor("leads", t("workstreamForm.leadsHint"))}
        {errorFor("leads")}
      </div>
      <div className="field">
        <label htmlFor={id("paragraphs")}>{t("workstreamForm.paragraphs")}</label>
        <input {...common("paragraphs", true)} inputMode="numeric" autoComplete="off" />
        {hintFor("paragraphs", t("workstreamForm.paragraphsHint"))}
        {errorFor("paragraphs")}
      </div>
      <div className="field field--wide">
        <label htmlFor={id("nameEn")}>
          {t("workstreamForm.nameEn")} {required}
        </label>
        <input {...common("nameEn")} required maxLength={300} />
        {errorFor("nameEn")}
      </div>
      <div className="field field--wide">
        <label htmlFor={id("nameZh")}>{t("workstreamForm.nameZh")}</label>
        <input {...common("nameZh")} lang="zh" maxLength={300} />
        {errorFor("nameZh")}
      </div>
      <div className="field field--wide">
        <label htmlFor={id("summaryEn")}>{t("workstreamForm.summaryEn")}</label>
        <textarea {...common("summaryEn")} rows={5} maxLength={5000} />
        {errorFor("summaryEn")}
      </div>
      <div className="field field--wide">
        <label htmlFor={id("summaryZh")}>{t("workstreamForm.summaryZh")}</label>
        <textarea {...common("summaryZh")} lang="zh" rows={5} maxLength={5000} />
        {errorFor("summaryZh")}
      </div>
      <details
        className="field--wide translations"
        open={Object.keys(errors).some((name) => name.startsWith("translations."))}
        data-testid="workstream-translations"
      >
        <summary>{t("workstreamForm.translations")}</summary>
        <p className="hint">{t("workstreamForm.translationsHint")}</p>
        {TRANSLATION_LOCALES.map((locale) => {
          const nameField = translationFieldName(locale, "name");
          const summaryField = translationFieldName(locale, "summary");
          return (
            <div key={locale} className="translations-fields">
              <div className="field">
                <label htmlFor={id(nameField)}>
                  <span lang={locale}>{LOCALE_NAMES[locale]}</span> — {t("workstreamForm.translationName", { locale })}
                </label>
                <input {...common(nameField)} lang={locale} dir="auto" maxLength={300} />
                {errorFor(nameField)}
              </div>
              <div className="field">
                <label htmlFor={id(summaryField)}>
                  <span lang={locale}>{LOCALE_NAMES[locale]}</span> — {t("workstreamForm.translationSummary", { locale })}
                </label>
                <textarea {...common(summaryField)} lang={locale} dir="auto" rows={3} maxLength={5000} />
                {errorFor(summaryField)}
              </div>
            </div>
          );
        })}
      </details>
      <div className="dialog__actions">
        <button type="submit" className="button" disabled={pending}>
          {mode === "create"
            ? pending
              ? t("workstreamForm.creating")
              : t("workstreamForm.create")
            : pending
              ? t("workstreamForm.saving")
              : t("workstreamForm.save")}
        </button>
      </div>
    </form>
  );
}
