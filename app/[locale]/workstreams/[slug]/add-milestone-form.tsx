"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { milestoneCreateSchema } from "@/lib/validation/milestones";
import { precheck, refusalOfThrown } from "../../_lib/form-state";
import { useFormText } from "../../_lib/use-form-text";
import { addMilestone } from "./actions";
import { titleIn } from "./milestone-draft";
import { evidenceLines, StatusFields, useFieldWiring, usePageLocale } from "./milestone-fields";

const EMPTY = { titleEn: "", titleZh: "", date: "", status: "planned", completedOn: "", note: "", evidence: "" };

/** Adds a milestone to the workstream; the same zod schema checks it here and on the server. */
export function AddMilestoneForm({ slug }: { slug: string }) {
  const t = useTranslations("editor");
  const tErrors = useTranslations("errors");
  const formText = useFormText();
  const locale = usePageLocale();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => addMilestone(slug, body),
    onSuccess: (answer) => {
      if (answer.saved) {
        setDraft(EMPTY);
        setMessage({ kind: "success", text: t("added", { title: titleIn(locale, answer.saved).text }) });
        return;
      }
      setErrors(answer.fieldErrors);
      setMessage({ kind: "error", text: answer.error ?? t("fixFields") });
    },
    onError: (error) => setMessage({ kind: "error", text: tErrors(refusalOfThrown(error)) }),
  });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = {
      titleEn: draft.titleEn,
      titleZh: draft.titleZh,
      date: draft.date,
      status: draft.status,
      completedOn: draft.status === "completed" ? draft.completedOn || undefined : undefined,
      note: draft.note || undefined,
      evidence: evidenceLines(draft.evidence),
    };
    const refused = precheck(milestoneCreateSchema(), body, null, formText);
    if (refused) {
      setErrors(refused.fieldErrors);
      setMessage({ kind: "error", text: refused.error ?? t("fixFields") });
      return;
    }
    setErrors({});
    setMessage(null);
    create.mutate(body);
  }

  const wiring = useFieldWiring(draft, setDraft, errors);
  const { ids, field, errorFor } = wiring;

  return (
    <details className="add-milestone">
      <summary className="button button--quiet">{t("addMilestone")}</summary>
      <form onSubmit={submit} noValidate className="form form--grid">
        {message && (
          <p className={message.kind === "error" ? "form-error" : "form-success"} role={message.kind === "error" ? "alert" : "status"}>
            {message.text}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${ids}-titleEn`}>
            {t("titleEn")} <span className="required-mark">*</span>
          </label>
          <input {...field("titleEn")} maxLength={300} />
          {errorFor("titleEn")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-titleZh`}>{t("titleZh")}</label>
          <input {...field("titleZh")} lang="zh" maxLength={300} />
          {errorFor("titleZh")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-date`}>
            {t("date")} <span className="required-mark">*</span>
          </label>
          <input {...field("date")} inputMode="numeric" placeholder="2023-06" />
          <p className="hint">{t("dateHint")}</p>
          {errorFor("date")}
        </div>
        <StatusFields draft={draft} wiring={wiring} />
        <div className="dialog__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t("saving") : t("add")}
          </button>
        </div>
      </form>
    </details>
  );
}
