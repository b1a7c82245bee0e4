import { z } from "zod";
import { todayIso } from "@/lib/domain/partial-date";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { requireReportAccess } from "@/lib/reports/access";
import { storedTranslations } from "@/lib/reports/stored-translations";
import {
  renderTimeline,
  TIMELINE_FORMATS,
  timelineFileName,
  timelineLangSchema,
  timelineLanes,
  timelineScene,
  timelineTitle,
} from "@/lib/reports/timeline-export";
import { strictInteger } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";
import { isoDaySchema, roadmapFiltersSchema } from "@/lib/validation/timeline";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** The /timeline view's filters (and optionally its page), its language and the image format. */
const timelineExportQuerySchema = roadmapFiltersSchema.extend({
  lang: timelineLangSchema,
  format: z.preprocess(emptyToUndefined, z.enum(TIMELINE_FORMATS, { error: `must be one of ${TIMELINE_FORMATS.join(", ")}` }).default("png")),
  page: z.preprocess((value) => strictInteger(emptyToUndefined(value)), z.number({ error: "must be a page number" }).int().min(1).max(100_000).optional()),
  pageSize: z.preprocess((value) => strictInteger(emptyToUndefined(value)), z.number({ error: "must be a number" }).int().min(1).max(100).optional()),
  /** The roadmap's window on screen: the image shows exactly these days. */
  from: z.preprocess(emptyToUndefined, isoDaySchema.optional()),
  to: z.preprocess(emptyToUndefined, isoDaySchema.optional()),
});

const CONTENT_TYPES = { png: "image/png", pdf: "application/pdf" } as const;

/**
 * GET /api/reports/timeline?format=png|pdf&lang=&year=&body=&status=&workstream=[&from=&to=][&page=&pageSize=]: the timeline
 * drawn on the server. Without `page`, every matching workstream gets its lane.
 */
export const GET = withProblemDetails(async (request: Request) => {
  await requireReportAccess(request);
  const { format, lang, page, pageSize, from, to, ...filters } = parseApiQuery(timelineExportQuerySchema, new URL(request.url).searchParams);
  const today = todayIso();
  const window = from && to && from <= to ? { from, to } : undefined;
  const { lanes, axis } = await timelineLanes(filters, page ? { page, pageSize: pageSize ?? 24 } : null, today, lang, await storedTranslations(lang), window);
  if (!axis || !lanes.length) throw new AppError("not_found", "No milestones match these filters, so there is no timeline to draw.");
  const body = await renderTimeline(timelineScene(lanes, axis, today, timelineTitle(filters, lang), lang), format);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="${timelineFileName(filters, format, lang)}"`,
      "cache-control": "private, no-store",
    },
  });
});
