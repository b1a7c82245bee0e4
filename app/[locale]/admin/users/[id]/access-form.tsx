"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import type { WorkstreamChoice } from "@/lib/queries/users";
import type { AccessState, AccessValues } from "./actions";

type Action = (previous: AccessState, form: FormData) => Promise<AccessState>;

/** Role, "every workstream" and the assigned workstreams of one user, saved together. */
export function AccessForm({
  action,
  current,
  roles,
  workstreams,
  isSelf,
}: {
  action: Action;
  current: AccessValues;
  roles: readonly string[];
  workstreams: WorkstreamChoice[];
  isSelf: boolean;
}) {
  const t = useTranslations("admin");
  const ids = useId();
  const [state, formAction, pending] = useActionState(action, { status: "idle", error: null, fieldErrors: {}, values: null });
  // After a refusal the form shows what was submitted; otherwise what is saved.
  const values = state.status === "error" && state.values ? state.values : current;
  const errors = state.fieldErrors;
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${ids}-${name}-error`} className="field-error">
        {t("fieldError", { reason: errors[name] })}
      </p>
    ) : null;
  const describedBy = (name: string) => [`${ids}-${name}-hint`, errors[name] ? `${ids}-${name}-error` : null].filter(Boolean).join(" ");

  return (
    <form action={formAction} className="form" noValidate data-testid="access-form">
      {state.status === "error" && (
        <p className="form-error" role="alert">
          {state.error ?? t("fixFields")}
        </p>
      )}
      {state.status === "success" && (
        <p className="form-success" role="status">
          {t("user.saved")}
        </p>
      )}
      <div className="field field--short">
        <label htmlFor={`${ids}-role`}>{t("user.role")}</label>
        <select id={`${ids}-role`} name="role" defaultValue={values.role} aria-invalid={errors.role ? true : undefined} aria-describedby={describedBy("role")}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <p id={`${ids}-role-hint`} className="hint">
          {isSelf ? t("user.selfHint") : t("roleHint")}
        </p>
        {errorFor("role")}
      </div>
      <div className="field">
        <label className="check" htmlFor={`${ids}-all`}>
          <input
            id={`${ids}-all`}
            type="checkbox"
            name="allWorkstreams"
            defaultChecked={values.allWorkstreams}
            aria-describedby={describedBy("allWorkstreams")}
          />
          {t("user.allWorkstreams")}
        </label>
        <p id={`${ids}-allWorkstreams-hint`} className="hint">
          {t("user.allWorkstreamsHint")}
        </p>
        {errorFor("allWorkstreams")}
      </div>
      <fieldset className="field workstream-checks" aria-describedby={describedBy("workstreamIds")}>
        <legend>{t("user.workstreams")}</legend>
        <p id={`${ids}-workstreamIds-hint`} className="hint">
          {t("user.workstreamsHint")}
        </p>
        <ul>
          {workstreams.map((workstream) => (
            <li key={workstream.id}>
              <label className="check">
                <input type="checkbox" name="workstreamIds" value={workstream.id} defaultChecked={values.workstreamIds.includes(workstream.id)} />
                {workstream.nameEn}
              </label>
            </li>
          ))}
        </ul>
        {errorFor("workstreamIds")}
      </fieldset>
      <div className="dialog__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("user.saving") : t("user.save")}
        </button>
      </div>
    </form>
  );
}
