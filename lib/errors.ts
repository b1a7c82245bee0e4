/** The one error type of the application; `code` decides the HTTP status. */
export type AppErrorCode = "invalid_input" | "not_found" | "unauthenticated" | "forbidden" | "conflict";

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

export type InvalidParam = { name: string; reason: string };

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly invalidParams: InvalidParam[];

  constructor(code: AppErrorCode, message: string, invalidParams: InvalidParam[] = []) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.invalidParams = invalidParams;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
