import type { Filters } from "@/lib/validation/filters";

/** The query string for a set of filters (and extra parameters), in a stable order. */
export function filtersToQuery(filters: Filters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  if (filters.year !== undefined) params.set("year", String(filters.year));
  if (filters.body) params.set("body", filters.body);
  if (filters.status?.length) params.set("status", filters.status.join(","));
  if (filters.q) params.set("q", filters.q);
  if (filters.workstream) params.set("workstream", filters.workstream);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, String(value));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Next's searchParams as a query string ("?a=1&b=2", or "" when empty). */
export function queryStringOf(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}
