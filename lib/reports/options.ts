import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { DATE_RANGE } from "@/lib/domain/partial-date";
import { filtersSchema, paramsToObject, slugSchema, strictYear } from "@/lib/validation/filters";

/** Formats the yearly report exports to. */
export const REPORT_FORMATS = ["pdf", "docx", "xlsx", "csv", "json"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Languages of the report: the six official languages of the United Nations, as the interface has them. */
export const REPORT_LANGS = LOCALES;
export type ReportLang = (typeof REPORT_LANGS)[number];

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A year in the path: /reports/2021, /api/reports/2021; four digits within DATE_RANGE. */
export const reportYearSchema = z.preprocess(
  strictYear,
  z
    .number({ error: "must be a year such as 2021" })
    .int("must be a whole year such as 2021")
    .min(DATE_RANGE.min, `must be ${DATE_RANGE.min} or later`)
    .max(DATE_RANGE.max, `must be ${DATE_RANGE.max} or earlier`),
);

/** One or more workstream slugs, comma-separated: `workstream=ai-working-group,data-cube`. */
const workstreamListSchema = z.preprocess((value) => {
  const parts = (Array.isArray(value) ? value : [value])
    .filter((part): part is string => typeof part === "string")
    .flatMap((part) => part.split(","))
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length ? [...new Set(parts)] : undefined;
}, z.array(slugSchema).max(1000, "names too many workstreams").optional());

/** What a report covers and in which language; the page and the API share it. */
export const reportOptionsSchema = z.object({
  lang: z.preprocess(emptyToUndefined, z.enum(REPORT_LANGS, { error: `must be one of ${REPORT_LANGS.join(", ")}` }).default("en")),
  workstream: workstreamListSchema,
  status: filtersSchema.shape.status,
});

/** GET /api/reports/{year}: the options plus the format. */
export const reportExportQuerySchema = reportOptionsSchema.extend({
  format: z.preprocess(emptyToUndefined, z.enum(REPORT_FORMATS, { error: `must be one of ${REPORT_FORMATS.join(", ")}` }).default("json")),
});

export type ReportOptions = z.output<typeof reportOptionsSchema>;

/**
 * Query parameters with repeated `workstream` values (a plain form's checkboxes) joined into
 * the comma list the schema reads, since the shared parsers keep only a scalar's first value.
 */
export function normalizeReportParams(params: URLSearchParams | Record<string, string | string[] | undefined>): URLSearchParams {
  const raw = paramsToObject(params);
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (key === "workstream" && Array.isArray(value)) out.set(key, value.join(","));
    else for (const item of Array.isArray(value) ? value : [value]) out.append(key, item);
  }
  return out;
}

/** The query string of a report's options, in a stable order (defaults left out). */
export function reportOptionsQuery(options: ReportOptions, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  if (options.lang !== "en") params.set("lang", options.lang);
  if (options.workstream?.length) params.set("workstream", options.workstream.join(","));
  if (options.status?.length) params.set("status", options.status.join(","));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The file name of an export: ceb-progress-2021-ar.pdf. */
export function reportFileName(year: number, lang: ReportLang, format: ReportFormat): string {
  return `ceb-progress-${year}-${lang}.${format}`;
}
