"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import type { CreateTokenState } from "./token-actions";

type Action = (previous: CreateTokenState, form: FormData) => Promise<CreateTokenState>;

const INITIAL: CreateTokenState = { status: "idle", error: null, fieldErrors: {}, values: { name: "", scope: "read" }, created: null };

/** Creates a token and shows it once, in a read-only field to copy. */
export function CreateTokenForm({ action, scopes }: { action: Action; scopes: readonly string[] }) {
  const t = useTranslations("account.tokens");
  const tForm = useTranslations("admin");
  const ids = useId();
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const errors = state.fieldErrors;
  const describe = (name: string, hint?: boolean) =>
    [hint ? `${ids}-${name}-hint` : null, errors[name] ? `${ids}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="token-create">
      {state.created && <NewToken key={state.created.token} token={state.created.token} name={state.created.name} />}
      <form action={formAction} className="form form--inline" noValidate aria-labelledby={`${ids}-heading`}>
        <h3 id={`${ids}-heading`}>{t("createHeading")}</h3>
        {state.status === "error" && (
          <p className="form-error" role="alert">
            {state.error ?? tForm("fixFields")}
          </p>
        )}
        <div className="field">
          <label htmlFor={`${ids}-name`}>{t("name")}</label>
          <input
            id={`${ids}-name`}
            name="name"
            maxLength={80}
            required
            defaultValue={state.values.name}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describe("name", true)}
          />
          <p id={`${ids}-name-hint`} className="hint">
            {t("nameHint")}
          </p>
          {errors.name && (
            <p id={`${ids}-name-error`} className="field-error">
              {tForm("fieldError", { reason: errors.name })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-scope`}>{t("scope")}</label>
          <select
            id={`${ids}-scope`}
            name="scope"
            defaultValue={state.values.scope}
            aria-invalid={errors.scope ? true : undefined}
            aria-describedby={describe("scope", true)}
          >
            {scopes.map((scope) => (
              <option key={scope} value={scope}>
                {t(`scopes.${scope}`)}
              </option>
            ))}
          </select>
          <p id={`${ids}-scope-hint`} className="hint">
            {t("scopeHint")}
          </p>
          {errors.scope && (
            <p id={`${ids}-scope-error`} className="field-error">
              {tForm("fieldError", { reason: errors.scope })}
            </p>
          )}
        </div>
        <div className="dialog__actions">
          <button type="submit" className="button" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </div>
  );
}

function NewToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("account.tokens");
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  async function copy() {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Without clipboard access the token stays selected for Ctrl+C.
    }
  }
  return (
    <div className="new-token" role="status" data-testid="new-token">
      <p className="new-token__title">{t.rich("createdTitle", { name, b: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="new-token__warning" id={`${ids}-warning`}>
        {t("createdWarning")}
      </p>
      <div className="new-token__row">
        <label htmlFor={`${ids}-token`} className="visually-hidden">
          {t("tokenLabel")}
        </label>
        <input
          ref={input}
          id={`${ids}-token`}
          className="new-token__value"
          readOnly
          value={token}
          aria-describedby={`${ids}-warning`}
          onFocus={(event) => event.currentTarget.select()}
          data-testid="new-token-value"
        />
        <button type="button" className="button" onClick={copy}>
          {copied ? t("copied") : t("copy")}
        </button>
      </div>
    </div>
  );
}
