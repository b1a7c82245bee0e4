"use client";

import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { type CreateUserState, createUserFromForm } from "./actions";

const INITIAL: CreateUserState = {
  status: "idle",
  error: null,
  fieldErrors: {},
  values: { email: "", name: "", role: "viewer", allWorkstreams: false },
  created: null,
};

export function CreateUserForm({ roles }: { roles: readonly string[] }) {
  const t = useTranslations("admin");
  const ids = useId();
  const [state, action, pending] = useActionState(createUserFromForm, INITIAL);
  const errors = state.fieldErrors;
  const id = (name: string) => `${ids}-${name}`;
  const describedBy = (name: string, hint = false) =>
    [hint ? `${id(name)}-hint` : null, errors[name] ? `${id(name)}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorFor = (name: string) =>
    errors[name] ? (
      <p id={`${id(name)}-error`} className="field-error" data-testid={`${name}-error`}>
        {t("fieldError", { reason: errors[name] })}
      </p>
    ) : null;

  return (
    <form action={action} className="form form--grid" noValidate data-testid="create-user-form">
      {state.status === "error" && (
        <p className="form-error" role="alert">
          {state.error ?? t("fixFields")}
        </p>
      )}
      {state.status === "success" && state.created && (
        <p className="form-success" role="status">
          {t("createUser.created", { email: state.created.email })} <Link href={`/admin/users/${state.created.id}`}>{t("createUser.setAccess")}</Link>
        </p>
      )}
      <div className="field">
        <label htmlFor={id("email")}>
          {t("createUser.email")} <span className="required-mark">*</span>
        </label>
        <input
          id={id("email")}
          name="email"
          type="email"
          autoComplete="off"
          required
          defaultValue={state.values.email}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describedBy("email")}
        />
        {errorFor("email")}
      </div>
      <div className="field">
        <label htmlFor={id("name")}>{t("createUser.name")}</label>
        <input
          id={id("name")}
          name="name"
          autoComplete="off"
          maxLength={120}
          defaultValue={state.values.name}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describedBy("name", true)}
        />
        <p id={`${id("name")}-hint`} className="hint">
          {t("createUser.nameHint")}
        </p>
        {errorFor("name")}
      </div>
      <div className="field">
        <label htmlFor={id("role")}>{t("createUser.role")}</label>
        <select
          id={id("role")}
          name="role"
          defaultValue={state.values.role}
          aria-invalid={errors.role ? true : undefined}
          aria-describedby={describedBy("role", true)}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
        <p id={`${id("role")}-hint`} className="hint">
          {t("roleHint")}
        </p>
        {errorFor("role")}
      </div>
      <div className="field">
        <label htmlFor={id("password")}>
          {t("createUser.password")} <span className="required-mark">*</span>
        </label>
        <input
          id={id("password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={describedBy("password", true)}
        />
        <p id={`${id("password")}-hint`} className="hint">
          {t("createUser.passwordHint")}
        </p>
        {errorFor("password")}
      </div>
      <div className="field">
        <label className="check" htmlFor={id("allWorkstreams")}>
          <input
            id={id("allWorkstreams")}
            name="allWorkstreams"
            type="checkbox"
            defaultChecked={state.values.allWorkstreams}
            aria-describedby={`${id("allWorkstreams")}-hint`}
          />
          {t("createUser.allWorkstreams")}
        </label>
        <p id={`${id("allWorkstreams")}-hint`} className="hint">
          {t("createUser.allWorkstreamsHint")}
        </p>
        {errorFor("allWorkstreams")}
      </div>
      <div className="dialog__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("createUser.submitting") : t("createUser.submit")}
        </button>
      </div>
    </form>
  );
}
