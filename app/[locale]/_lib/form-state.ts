import type { z } from "zod";
import { AppError, type AppErrorCode, type InvalidParam } from "@/lib/errors";
import type { ReasonText } from "@/lib/validation/reason-text";
import { fieldErrors as refusedFields } from "@/lib/validation/zod-errors";

/**
 * What a server action answers a form: the values to show again, each refused field with its
 * reason, or an error about the whole form. Every form the browser submits gets its answer in
 * this shape (ADR 013).
 */
export type FormState<V> = {
  status: "idle" | "success" | "error";
  /**
   * Why the request as a whole was refused (permission, something gone…), in the page's
   * language; null when the refused fields say why, and the form asks to correct them.
   */
  error: string | null;
  /** Each refused field's reason, already in the page's language, by field (see `fieldOf`). */
  fieldErrors: Partial<Record<string, string>>;
  values: V;
};

/** Keys under `errors` in messages/*.json: what a form says when the request as a whole is refused. */
export type RefusalKey =
  "invalid" | "unchanged" | "signedOut" | "forbidden" | "notFound" | "workstreamNotFound" | "conflict" | "tooManyRequests" | "unreachable" | "failed";

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
 * The form field a refused parameter belongs to: its path up to the first list index. So
 * `evidence.1` and `workstreamIds.2` are their lists' fields, while `translations.fr` (a
 * milestone's French title) and `translations.fr.name` (a workstream's) are fields of their own.
 */
export function fieldOf(path: string): string {
  const segments = path.split(".");
  const index = segments.findIndex((segment) => /^\d+$/.test(segment));
  return (index < 0 ? segments : segments.slice(0, Math.max(index, 1))).join(".");
}

/**
 * Turns a command's refusal into form state: the first reason per field wins (in the page's
 * language, through `text.reason`). When fields are refused they say why, whatever the status (a
 * taken slug is a 409); otherwise the form error says, by the error's code, what went wrong: a
 * change that changes nothing is `unchanged`, and `refusalFor` may name a refusal more precisely
 * for one form (a missing workstream, not a missing milestone). The AppError's own message is
 * English, for the API and the log, and is never shown. Anything that is not an AppError is
 * rethrown for the error page (and the server log).
 */
export function errorState<V>(error: unknown, values: V, text: FormText, refusalFor: Partial<Record<AppErrorCode, RefusalKey>> = {}): FormState<V> {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const param of error.invalidParams) {
    const field = fieldOf(param.name);
    // `body` is the input as a whole and `version` no field of a form (it is out of date: a
    // conflict), so both are said about the whole form.
    if (field !== "body" && field !== "version" && !(field in fieldErrors)) fieldErrors[field] = text.reason(param);
  }
  const unchanged = error.invalidParams.some((param) => param.code === "changesNothing");
  const key = unchanged ? "unchanged" : (refusalFor[error.code] ?? REFUSAL_BY_CODE[error.code]);
  const wholeForm = Object.keys(fieldErrors).length ? null : text.refusal(key);
  return { status: "error", error: wholeForm, fieldErrors, values };
}

/**
 * In the browser: why an action called from a client component did not answer. A network failure
 * is a TypeError from its fetch (`unreachable`); anything else is the server failing (`failed`),
 * whose details are in the server's log.
 */
export function refusalOfThrown(error: unknown): RefusalKey {
  return error instanceof TypeError ? "unreachable" : "failed";
}

/**
 * In the browser, before sending: the command's own schema checks the input, and a refusal is
 * put into form state exactly as the server's would be. Null when the input passes.
 */
export function precheck<V>(schema: z.ZodType, input: unknown, values: V, text: FormText): FormState<V> | null {
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const params: InvalidParam[] = refusedFields(parsed.error).map((param) => ({ ...param, reason: param.reason ?? "" }));
  return errorState(new AppError("unprocessable", "Invalid input", params), values, text);
}
