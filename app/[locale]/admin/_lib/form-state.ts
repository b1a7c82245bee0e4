import { AppError, type AppErrorCode } from "@/lib/errors";
import type { ReasonText } from "@/lib/validation/reason-text";

/**
 * What a server action answers a `useActionState` form: the values to show again, each
 * refused field with its reason, or an error about the whole form.
 */
export type FormState<V> = {
  status: "idle" | "success" | "error";
  /**
   * Why the request as a whole was refused (permission, something gone…), in the page's
   * language; null when the refused fields say why, and the form asks to correct them.
   */
  error: string | null;
  /** Each refused field's reason, already in the page's language. */
  fieldErrors: Partial<Record<string, string>>;
  values: V;
};

/** Keys under `errors` in messages/*.json: what a form says when the request as a whole is refused. */
export type RefusalKey = "invalid" | "signedOut" | "forbidden" | "notFound" | "conflict" | "tooManyRequests";

export const REFUSAL_BY_CODE: Record<AppErrorCode, RefusalKey> = {
  invalid_input: "invalid",
  unprocessable: "invalid",
  unauthenticated: "signedOut",
  forbidden: "forbidden",
  not_found: "notFound",
  conflict: "conflict",
  payload_too_large: "invalid",
  too_many_requests: "tooManyRequests",
};

/** A refusal's words in the page's language: each field's reason, and the message about the whole form. */
export type FormText = { reason: ReasonText; refusal: (key: RefusalKey) => string };

export function idleState<V>(values: V): FormState<V> {
  return { status: "idle", error: null, fieldErrors: {}, values };
}

export function successState<V>(values: V): FormState<V> {
  return { status: "success", error: null, fieldErrors: {}, values };
}

/**
 * Turns a command's refusal into form state: `workstreamIds.2` is reported on `workstreamIds`,
 * the first reason per field wins (in the page's language, through `text.reason`). When fields
 * are refused they say why, whatever the status (a taken slug is a 409); otherwise the form
 * error says, by the error's code, what went wrong. The AppError's own message is English, for
 * the API and the log, and is never shown. Anything that is not an AppError is rethrown for the
 * error page (and the server log).
 */
export function errorState<V>(error: unknown, values: V, text: FormText): FormState<V> {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const param of error.invalidParams) {
    const field = param.name.split(".")[0]!;
    // `body` is the input as a whole and `version` no field of a form (it is out of date: a
    // conflict), so both are said about the whole form.
    if (field !== "body" && field !== "version" && !(field in fieldErrors)) fieldErrors[field] = text.reason(param);
  }
  const wholeForm = Object.keys(fieldErrors).length ? null : text.refusal(REFUSAL_BY_CODE[error.code]);
  return { status: "error", error: wholeForm, fieldErrors, values };
}
