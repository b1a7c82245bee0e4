import type { ReasonCode, ReasonValues } from "@/lib/validation/reasons";

/** The one error type of the application; `code` decides the HTTP status. */
export type AppErrorCode =
  "invalid_input" | "unprocessable" | "not_found" | "unauthenticated" | "forbidden" | "conflict" | "payload_too_large" | "too_many_requests";

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  too_many_requests: 429,
};

/**
 * A refused parameter or field. `reason` is English, as the API has always answered it; `code`
 * and `values` (when the reason has a code) let an interface say it in its own language.
 */
export type InvalidParam = { name: string; reason: string; code?: ReasonCode; values?: ReasonValues };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly invalidParams: InvalidParam[];
  /** Extra members for the problem document, e.g. the current state on a conflict. */
  readonly extra: Record<string, unknown>;

  constructor(code: AppErrorCode, message: string, invalidParams: InvalidParam[] = [], extra: Record<string, unknown> = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.invalidParams = invalidParams;
    this.extra = extra;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
