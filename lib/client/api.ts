/**
 * A JSON read from our own API (timeline windows, a milestone's live state), for react-query.
 * Reads only: the browser writes through server actions (ADR 013). A non-2xx answer is an Error
 * carrying the problem's English `detail`, for the log; pages show their own words.
 */
export async function apiFetch<T>(url: string, init: { method: "GET" } = { method: "GET" }): Promise<T> {
  const response = await fetch(url, { method: init.method, headers: { accept: "application/json" }, credentials: "same-origin" });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : `The server answered ${response.status}.`);
  return body as T;
}
