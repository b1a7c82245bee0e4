import { z } from "zod";
import { DATE_RANGE } from "@/lib/domain/partial-date";
import { isPlainText } from "@/lib/domain/plain-text";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { InvalidParam } from "@/lib/errors";
import { invalidParam, reasonFromMessage } from "./english-reasons";
import { reason } from "./reasons";

/** Query parameters arrive as strings (or repeated); an empty value means "not set". */
type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/**
 * A whole number written the plain way: digits, an optional minus, no leading zero. Anything else
 * ("0x21", "1e3", "2021.0", " 7") stays text, which the number schema after it refuses, so no
 * parameter is read by JavaScript's lenient Number().
 */
export const STRICT_INTEGER = /^(?:0|-?[1-9]\d{0,14})$/;

/** A plain decimal with a fraction, "1.5": read, so that the refusal can say "must be a whole number". */
const STRICT_FRACTION = /^-?(?:0|[1-9]\d{0,14})\.\d{1,15}$/;

export const strictInteger = (value: unknown) => {
  if (typeof value !== "string") return value;
  if (STRICT_INTEGER.test(value)) return Number(value);
  // "1.5" becomes 1.5 (refused as not whole); "1.0" stays text (refused as not a number).
  if (STRICT_FRACTION.test(value) && !Number.isInteger(Number(value))) return Number(value);
  return value;
};

/** A year as a query parameter or in a path: a plain whole number, refused outside DATE_RANGE. */
export const strictYear = strictInteger;

const yearSchema = z.preprocess(
  (value) => strictYear(emptyToUndefined(value)),
  z
    .number({ error: reason("year") })
    .int(reason("wholeYear"))
    .min(DATE_RANGE.min, reason("yearFrom", { min: DATE_RANGE.min }))
    .max(DATE_RANGE.max, reason("yearUntil", { max: DATE_RANGE.max }))
    .optional(),
);

/** One or more statuses, comma-separated or repeated: `status=completed,planned`. */
const statusListSchema = z.preprocess(
  (value) => {
    const parts = (Array.isArray(value) ? value : [value])
      .filter((part): part is string => typeof part === "string")
      .flatMap((part) => part.split(","))
      .map((part) => part.trim())
      .filter(Boolean);
    return parts.length ? [...new Set(parts)] : undefined;
  },
  z
    .array(
      z.enum(MILESTONE_STATUSES, {
        error: reason("oneOf", { options: MILESTONE_STATUSES.join(", ") }),
      }),
    )
    .optional(),
);

const bodySchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,31}$/, reason("bodyCode"))
    .transform((code) => code.toUpperCase())
    .optional(),
);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, reason("slug"))
  .max(100, reason("tooLong", { max: 100 }));

const pageSchema = z.preprocess(
  (value) => strictInteger(emptyToUndefined(value)),
  z
    .number({ error: reason("pageNumber") })
    .int(reason("wholeNumber"))
    .min(1, reason("atLeast", { min: 1 }))
    .max(100_000, reason("tooLarge"))
    .default(1),
);

export const pageSizeSchema = (max: number, fallback: number) =>
  z.preprocess(
    (value) => strictInteger(emptyToUndefined(value)),
    z
      .number({ error: reason("number") })
      .int(reason("wholeNumber"))
      .min(1, reason("atLeast", { min: 1 }))
      .max(max, reason("atMost", { max }))
      .default(fallback),
  );

/**
 * Free-text search over names, summaries, quotes and titles in every language; blank means none.
 * Control characters can match no stored text (see plainText), and PostgreSQL refuses NUL.
 */
const searchSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() || undefined : value),
  z
    .string()
    .max(200, reason("tooLong", { max: 200 }))
    .refine((value) => isPlainText(value), reason("controlCharacters"))
    .optional(),
);

/** One workstream by its slug (the milestone list and the roadmap); blank means every workstream. */
export const workstreamFilterSchema = z.preprocess(emptyToUndefined, slugSchema.optional());

/** Filters shared by the overview, the timeline, the API and the exports. */
export const filtersSchema = z.object({
  year: yearSchema,
  body: bodySchema,
  status: statusListSchema,
  q: searchSchema,
});

export type Filters = {
  year?: number;
  body?: string;
  status?: MilestoneStatus[];
  q?: string;
  /** One workstream only: the milestone list and the roadmap offer it (see their schemas). */
  workstream?: string;
};

/** Orders of the overview's cards: the report's order (default), or one of these. */
export const WORKSTREAM_SORTS = ["report", "health", "overdue", "updated", "name"] as const;
export type WorkstreamSort = (typeof WORKSTREAM_SORTS)[number];

const sortSchema = z.preprocess(
  emptyToUndefined,
  z.enum(WORKSTREAM_SORTS, { error: reason("oneOf", { options: WORKSTREAM_SORTS.join(", ") }) }).default("report"),
);

export const workstreamListQuerySchema = filtersSchema.extend({
  sort: sortSchema,
  page: pageSchema,
  pageSize: pageSizeSchema(100, 24),
});

/**
 * The overview's query: its cards (18 a page, a shorter page than the API's 24; the pager
 * reaches the rest) and the Attention list's own page (`apage`).
 */
export const overviewQuerySchema = workstreamListQuerySchema.extend({ pageSize: pageSizeSchema(100, 18), apage: pageSchema });

export const milestoneListQuerySchema = filtersSchema.extend({
  workstream: workstreamFilterSchema,
  page: pageSchema,
  pageSize: pageSizeSchema(200, 50),
});

export const pageQuerySchema = z.object({ page: pageSchema });

/** Turns URLSearchParams or Next's searchParams into a plain object; repeats become arrays. */
export function paramsToObject(params: RawParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (key: string, value: string) => {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  };
  if (params instanceof URLSearchParams) {
    params.forEach((value, key) => add(key, value));
  } else {
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) add(key, item);
    }
  }
  return out;
}

/** Scalar parameters take their first value; only `status` may repeat. */
function firstValues(raw: Record<string, string | string[]>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, key === "status" || !Array.isArray(value) ? value : value[0]]));
}

export function toInvalidParams(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({
    // Query parameters are flat: name the parameter even when one of its list items is wrong.
    name: issue.path.length ? String(issue.path[0]) : "query",
    ...reasonFromMessage(issue.message),
  }));
}

export type ParsedQuery<T> = { ok: true; value: T } | { ok: false; invalidParams: InvalidParam[] };

/**
 * Strict parse for the API: unknown parameters are refused too, so a typo such as `yaer=2021`
 * is reported instead of silently returning everything.
 */
export function parseQueryStrict<S extends z.ZodObject>(schema: S, params: RawParams): ParsedQuery<z.output<S>> {
  const raw = paramsToObject(params);
  const known = new Set(Object.keys(schema.shape));
  const unknown = Object.keys(raw).filter((key) => !known.has(key));
  if (unknown.length) {
    return {
      ok: false,
      invalidParams: unknown.map((name) => invalidParam(name, "unknownParameter", { known: [...known].join(", ") })),
    };
  }
  const result = schema.safeParse(firstValues(raw));
  return result.success ? { ok: true, value: result.data } : { ok: false, invalidParams: toInvalidParams(result.error) };
}

/**
 * Lenient parse for pages: a shared link with one bad value still shows the page; the bad
 * parameter is dropped and reported so the form can say what was wrong next to the field.
 */
export function parseQueryLenient<S extends z.ZodObject>(schema: S, params: RawParams): { value: z.output<S>; invalidParams: InvalidParam[] } {
  const raw = firstValues(paramsToObject(params));
  const known = Object.keys(schema.shape);
  const input: Record<string, unknown> = Object.fromEntries(known.filter((key) => key in raw).map((key) => [key, raw[key]]));
  const invalidParams: InvalidParam[] = [];
  for (;;) {
    const result = schema.safeParse(input);
    if (result.success) return { value: result.data, invalidParams };
    const bad = new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")));
    invalidParams.push(...toInvalidParams(result.error));
    const removable = [...bad].filter((key) => key in input);
    if (!removable.length) throw result.error;
    for (const key of removable) delete input[key];
  }
}
