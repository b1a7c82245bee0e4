"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { idleState } from "../_lib/form-state";
import { uploadReport } from "./actions";

/** Uploads a report with its symbol, language and year; the server reads it and opens its review queue. */
export function UploadForm() {
  const t = useTranslations("ingest.upload");
  const tEditor = useTranslations("editor");
  const [state, formAction, pending] = useActionState(uploadReport, idleState({ symbol: "", lang: "zh", year: String(new Date().getFullYear() - 1) }));
  const errorFor = (name: string) =>
    state.fieldErrors[name] ? (
      <small id={`upload-${name}-error`} className="field-error">
        {tEditor("fieldError", { reason: state.fieldErrors[name] })}
      </small>
    ) : null;
  const described = (name: string) => (state.fieldErrors[name] ? { "aria-invalid": true, "aria-describedby": `upload-${name}-error` } : {});

  return (
    <section aria-labelledby="upload-heading" className="ingest-section">
      <h2 id="upload-heading">{t("heading")}</h2>
      <form className="ingest-upload" action={formAction} data-testid="ingest-upload">
        <label>
          <span>{t("file")}</span>
          <input type="file" name="file" accept=".pdf,.docx,.txt,application/pdf,text/plain" required {...described("file")} />
          <small className="muted">{t("fileHint")}</small>
          {errorFor("file")}
        </label>
        <label>
          <span>{t("symbol")}</span>
          <input type="text" name="symbol" required placeholder="E/2023/50" dir="ltr" defaultValue={state.values.symbol} {...described("symbol")} />
          <small className="muted">{t("symbolHint")}</small>
          {errorFor("symbol")}
        </label>
        <label>
          <span>{t("lang")}</span>
          <select name="lang" defaultValue={state.values.lang} {...described("lang")}>
            <option value="zh">{t("langZh")}</option>
            <option value="en">{t("langEn")}</option>
          </select>
          {errorFor("lang")}
        </label>
        <label>
          <span>{t("year")}</span>
          <input type="number" name="year" required min={1945} max={2100} defaultValue={state.values.year} {...described("year")} />
          {errorFor("year")}
        </label>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("reading") : t("submit")}
        </button>
        {state.status === "error" && (
          <p role="alert" className="form-error">
            {t("failed", { detail: state.error ?? tEditor("fixFields") })}
          </p>
        )}
      </form>
    </section>
  );
}
