import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { dayOf, ZOOMS } from "@/lib/domain/timeline-window";
import { filtersSchema, workstreamFilterSchema } from "./filters";
import { reason } from "./reasons";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A calendar day, "2021-10-15", between 1945 and 2100. */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, reason("partialDate"))
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), reason("partialDate"))
  .refine((value) => value >= "1945-01-01" && value <= "2100-12-31", reason("tooLarge"));

/** A content language parameter (`lang`), English when absent; shared by the read routes that name things. */
export const langSchema = z.preprocess(emptyToUndefined, z.enum(LOCALES, { error: reason("oneOf", { options: LOCALES.join(", ") }) }).default("en"));

/** The most rows one request may ask for, and the longest stretch of time (a little over five years). */
export const MAX_TIMELINE_ROWS = 200;
const MAX_WINDOW_DAYS = 2_000;

const count = (max: number, fallback: number, min = 0) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: reason("number") })
      .int(reason("wholeNumber"))
      .min(min, reason("atLeast", { min }))
      .max(max, reason("atMost", { max }))
      .default(fallback),
  );

/** The roadmap's filters: the shared ones, and one workstream (the link from a workstream's page). */
export const roadmapFiltersSchema = filtersSchema.extend({ workstream: workstreamFilterSchema });

/** GET /api/timeline: the bars of rows `offset..offset+limit` between two days. */
export const timelineBarsQuerySchema = roadmapFiltersSchema
  .extend({
    from: isoDaySchema,
    to: isoDaySchema,
    offset: count(10_000_000, 0),
    limit: count(MAX_TIMELINE_ROWS, 50, 1),
    lang: langSchema,
  })
  .refine((query) => query.to >= query.from, { path: ["to"], message: reason("notBeforeFrom") })
  .refine((query) => dayOf(query.to) - dayOf(query.from) <= MAX_WINDOW_DAYS, { path: ["to"], message: reason("tooLarge") });

/** The most lanes whose names one request may ask for by page. */
export const MAX_TIMELINE_LANES = 1_000;

/** GET /api/timeline/lanes: the lanes and their rows for the filters; every lane's name, or a page of them (`offset`, `limit`). */
export const timelineLanesQuerySchema = roadmapFiltersSchema.extend({
  lang: langSchema,
  offset: count(10_000_000, 0),
  limit: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: reason("number") })
      .int(reason("wholeNumber"))
      .min(1, reason("atLeast", { min: 1 }))
      .max(MAX_TIMELINE_LANES, reason("atMost", { max: MAX_TIMELINE_LANES }))
      .optional(),
  ),
});

/** GET /api/timeline/portfolio: counts per status at each quarter's end between two days. */
export const timelinePortfolioQuerySchema = roadmapFiltersSchema
  .extend({ from: isoDaySchema, to: isoDaySchema })
  .refine((query) => query.to >= query.from, { path: ["to"], message: reason("notBeforeFrom") })
  .refine((query) => dayOf(query.to) - dayOf(query.from) <= MAX_WINDOW_DAYS, { path: ["to"], message: reason("tooLarge") });

/** The roadmap page's own parameters, beside the shared filters: the window, zoom, grouping, folded groups. */
export const timelineViewSchema = z.object({
  from: z.preprocess(emptyToUndefined, isoDaySchema.optional()),
  zoom: z.preprocess(emptyToUndefined, z.enum(ZOOMS, { error: reason("oneOf", { options: ZOOMS.join(", ") }) }).optional()),
  group: z.preprocess(emptyToUndefined, z.enum(["body", "none"], { error: reason("oneOf", { options: "body, none" }) }).optional()),
  collapsed: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/, reason("bodyCode"))
      .transform((value) => value.toUpperCase().split(","))
      .optional(),
  ),
});
