import type { InvalidParam } from "@/lib/errors";

/** A problem+json answer from our API, as thrown by `apiFetch`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly invalidParams: InvalidParam[],
    readonly body: Record<string, unknown>,
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

/** JSON fetch against our own API; any non-2xx answer becomes an ApiProblem. */
export async function apiFetch<T>(url: string, init: { method: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiProblem(0, "The server could not be reached. Check your connection; your change was not saved.", [], {});
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiProblem(
      response.status,
      typeof body.detail === "string" ? body.detail : `The server answered ${response.status}.`,
      Array.isArray(body["invalid-params"]) ? (body["invalid-params"] as InvalidParam[]) : [],
      body,
    );
  }
  return body as T;
}

/** A multipart upload against our own API (a report file with its fields), answered like `apiFetch`. */
export async function apiUpload<T>(url: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: form, headers: { accept: "application/json" }, credentials: "same-origin" });
  } catch {
    throw new ApiProblem(0, "The server could not be reached. Check your connection; your change was not saved.", [], {});
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new ApiProblem(
      response.status,
      typeof body.detail === "string" ? body.detail : `The server answered ${response.status}.`,
      Array.isArray(body["invalid-params"]) ? (body["invalid-params"] as InvalidParam[]) : [],
      body,
    );
  }
  return body as T;
}
