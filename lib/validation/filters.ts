import { z } from "zod";
import { MILESTONE_STATUSES, type MilestoneStatus } from "@/lib/domain/status";
import type { InvalidParam } from "@/lib/errors";

/** Query parameters arrive as strings (or repeated); an empty value means "not set". */
type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

const emptyToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const yearSchema = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "must be a year such as 2021" })
    .int("must be a whole year such as 2021")
    .min(1945, "must be 1945 or later")
    .max(2100, "must be 2100 or earlier")
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
        error: `must be one of ${MILESTONE_STATUSES.join(", ")}`,
      }),
    )
    .optional(),
);

const bodySchema = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,31}$/, "must be a body code such as HLCP or HLCM-HR")
    .transform((code) => code.toUpperCase())
    .optional(),
);

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a workstream slug such as ai-working-group")
  .max(100, "must be at most 100 characters");

const pageSchema = z.preprocess(
  emptyToUndefined,
  z.coerce
    .number({ error: "must be a page number" })
    .int("must be a whole number")
    .min(1, "must be 1 or more")
    .max(100_000, "is too large")
    .default(1),
);

const pageSizeSchema = (max: number, fallback: number) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(1, "must be 1 or more")
      .max(max, `must be ${max} or less`)
      .default(fallback),
  );

/** Filters shared by the overview, the timeline, the API and the exports. */
export const filtersSchema = z.object({
  year: yearSchema,
  body: bodySchema,
  status: statusListSchema,
});

export type Filters = {
  year?: number;
  body?: string;
  status?: MilestoneStatus[];
};

export const workstreamListQuerySchema = filtersSchema.extend({
  page: pageSchema,
  pageSize: pageSizeSchema(100, 24),
});

export const milestoneListQuerySchema = filtersSchema.extend({
  workstream: z.preprocess(emptyToUndefined, slugSchema.optional()),
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
  return Object.fromEntries(
    Object.entries(raw).map(([key, value]) => [key, key === "status" || !Array.isArray(value) ? value : value[0]]),
  );
}

export function toInvalidParams(error: z.ZodError): InvalidParam[] {
  return error.issues.map((issue) => ({
    // Query parameters are flat: name the parameter even when one of its list items is wrong.
    name: issue.path.length ? String(issue.path[0]) : "query",
    reason: issue.message,
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
      invalidParams: unknown.map((name) => ({
        name,
        reason: `is not a known parameter (known: ${[...known].join(", ")})`,
      })),
    };
  }
  const result = schema.safeParse(firstValues(raw));
  return result.success ? { ok: true, value: result.data } : { ok: false, invalidParams: toInvalidParams(result.error) };
}

/**
 * Lenient parse for pages: a shared link with one bad value still shows the page; the bad
 * parameter is dropped and reported so the form can say what was wrong next to the field.
 */
export function parseQueryLenient<S extends z.ZodObject>(
  schema: S,
  params: RawParams,
): { value: z.output<S>; invalidParams: InvalidParam[] } {
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
