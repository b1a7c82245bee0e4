import { AppError } from "@/lib/errors";
import type { ReasonText } from "@/lib/validation/reason-text";

/**
 * What a server action answers a `useActionState` form: the values to show again, each
 * refused field with its reason, or an error about the whole form.
 */
export type FormState<V> = {
  status: "idle" | "success" | "error";
  /** The server's explanation when the request as a whole was refused (permission, conflict…). */
  error: string | null;
  /** Each refused field's reason, already in the page's language. */
  fieldErrors: Partial<Record<string, string>>;
  values: V;
};

export function idleState<V>(values: V): FormState<V> {
  return { status: "idle", error: null, fieldErrors: {}, values };
}

export function successState<V>(values: V): FormState<V> {
  return { status: "success", error: null, fieldErrors: {}, values };
}

/**
 * Turns a command's refusal into form state: `workstreamIds.2` is reported on `workstreamIds`,
 * the first reason per field wins (in the page's language, through `reasonText`), and a refusal
 * of the whole body becomes the form error. Anything that is not an AppError is rethrown for the
 * error page (and the server log).
 */
export function errorState<V>(error: unknown, values: V, reasonText: ReasonText): FormState<V> {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const param of error.invalidParams) {
    const field = param.name.split(".")[0]!;
    if (field !== "body" && !(field in fieldErrors)) fieldErrors[field] = reasonText(param);
  }
  const wholeForm = !Object.keys(fieldErrors).length || error.status !== 422;
  return { status: "error", error: wholeForm ? error.message : null, fieldErrors, values };
}
