"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ApiProblem, apiFetch } from "@/lib/client/api";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import type { MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneCreateSchema, STATUSES_NEEDING_NOTE } from "@/lib/validation/milestones";
import { fieldErrors } from "@/lib/validation/zod-errors";

const EMPTY = { titleEn: "", titleZh: "", date: "", status: "planned", completedOn: "", note: "", evidence: "" };

/** Adds a milestone to the workstream; the same zod schema checks it here and on the server. */
export function AddMilestoneForm({ slug }: { slug: string }) {
  const t = useTranslations("editor");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const ids = useId();
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<MilestoneState>(`/api/workstreams/${slug}/milestones`, { method: "POST", body }),
    onSuccess: (created) => {
      setDraft(EMPTY);
      setMessage({ kind: "success", text: t("added", { title: created.titleEn }) });
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.invalidParams.length) {
        setErrors(Object.fromEntries(error.invalidParams.map((p) => [p.name.split(".")[0]!, p.reason])));
      }
      setMessage({ kind: "error", text: error instanceof ApiProblem ? error.detail : String(error) });
    },
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
      evidence: draft.evidence.split("\n").map((line) => line.trim()).filter(Boolean),
    };
    const parsed = milestoneCreateSchema().safeParse(body);
    if (!parsed.success) {
      setErrors(Object.fromEntries(fieldErrors(parsed.error).map((e) => [e.name.split(".")[0]!, e.reason])));
      setMessage({ kind: "error", text: t("fixFields") });
      return;
    }
    setErrors({});
    setMessage(null);
    create.mutate(body);
  }

  const field = (name: keyof typeof EMPTY) => ({
    id: `${ids}-${name}`,
    name,
    value: draft[name],
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${ids}-${name}-error` : undefined,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      setDraft((d) => ({ ...d, [name]: event.target.value })),
  });
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${ids}-${name}-error`} className="field-error">
        {t("fieldError", { reason: errors[name]! })}
      </p>
    ) : null;

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
        <div className="field">
          <label htmlFor={`${ids}-status`}>{t("status")}</label>
          <select {...field("status")}>
            {MILESTONE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {tStatus(status)}
              </option>
            ))}
          </select>
          {errorFor("status")}
        </div>
        {draft.status === "completed" && (
          <div className="field">
            <label htmlFor={`${ids}-completedOn`}>
              {t("completedOn")} <span className="required-mark">*</span>
            </label>
            <input {...field("completedOn")} inputMode="numeric" />
            {errorFor("completedOn")}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${ids}-note`}>
            {t("note")} {STATUSES_NEEDING_NOTE.includes(draft.status as never) && <span className="required-mark">{t("required")}</span>}
          </label>
          <textarea {...field("note")} rows={2} />
          {errorFor("note")}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-evidence`}>{t("evidence")}</label>
          <textarea {...field("evidence")} rows={2} />
          <p className="hint">{t("evidenceHint")}</p>
          {errorFor("evidence")}
        </div>
        <div className="dialog__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t("saving") : t("add")}
          </button>
        </div>
      </form>
    </details>
  );
}
