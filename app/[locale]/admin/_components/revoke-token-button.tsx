"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { RevokeTokenState } from "./token-actions";

type Action = (previous: RevokeTokenState, form: FormData) => Promise<RevokeTokenState>;

/** Revokes after a second, explicit click: scripts using the token stop working at once. */
export function RevokeTokenButton({ action, name }: { action: Action; name: string }) {
  const t = useTranslations("account.tokens");
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState(action, { status: "idle", error: null, fieldErrors: {}, values: null });
  if (!confirming) {
    return (
      <button type="button" className="button button--small" onClick={() => setConfirming(true)} aria-label={t("revokeLabel", { name })}>
        {t("revoke")}
      </button>
    );
  }
  return (
    <form action={formAction} className="dialog__confirm">
      <span>{t.rich("revokeConfirm", { name, b: (chunks) => <strong>{chunks}</strong> })}</span>
      <button type="submit" className="button button--danger button--compact" disabled={pending}>
        {pending ? t("revoking") : t("revokeYes")}
      </button>
      <button type="button" className="button button--quiet button--compact" onClick={() => setConfirming(false)} disabled={pending}>
        {t("revokeNo")}
      </button>
      {state.status === "error" && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </form>
  );
}
