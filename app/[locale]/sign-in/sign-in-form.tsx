"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signIn, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, { email: "", fieldErrors: {}, formError: null });
  const formError =
    state.formError === "locked"
      ? t("locked", { minutes: Math.ceil((state.retryAfterSeconds ?? 60) / 60) })
      : state.formError === "invalid"
        ? t("invalid")
        : null;
  return (
    <form action={action} className="form" noValidate>
      <input type="hidden" name="next" value={next} />
      {formError && (
        <p className="form-error" role="alert" data-testid="sign-in-error">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors.email ? true : undefined}
          aria-describedby={state.fieldErrors.email ? "email-error" : undefined}
        />
        {state.fieldErrors.email && (
          <p id="email-error" className="field-error">
            {t("fieldError", { reason: state.fieldErrors.email })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors.password ? true : undefined}
          aria-describedby={state.fieldErrors.password ? "password-error" : undefined}
        />
        {state.fieldErrors.password && (
          <p id="password-error" className="field-error">
            {t("fieldError", { reason: state.fieldErrors.password })}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
