import type { z } from "zod";
import { decodeReason, type ReasonParts } from "./reasons";

/**
 * A refused field as a form sees it before sending: its path with the code and values of a reason
 * made by `reason()`, or the message itself as `reason`. The English text of a code is the
 * server's to add (`invalidParamsOf`), so the browser needs no English catalogue.
 */
export type FieldError = { name: string } & ReasonParts;

/** A zod issue's path as a field name, e.g. `evidence.1`; `body` for the input as a whole. */
export const issueName = (issue: z.core.$ZodIssue): string => issue.path.map(String).join(".") || "body";

/** Field paths and reasons of a failed parse, for a form to show in its own language. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ name: issueName(issue), ...(decodeReason(issue.message) ?? { reason: issue.message }) }));
}
