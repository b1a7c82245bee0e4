import { todayIso } from "@/lib/domain/partial-date";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { requireReportAccess } from "@/lib/reports/access";
import { renderReport } from "@/lib/reports/export";
import { parseReportYear, requireYearWithMilestones, unknownWorkstreams } from "@/lib/reports/load";
import { normalizeReportParams, reportExportQuerySchema } from "@/lib/reports/options";
import { buildReportData } from "@/lib/reports/report-data";
import { storedTranslations } from "@/lib/reports/stored-translations";
import { parseQueryStrict } from "@/lib/validation/filters";

/** GET /api/reports/{year}?format=pdf|docx|xlsx|csv|json&lang=en|zh&workstream=…&status=… */
export const GET = withProblemDetails(async (request: Request, context: RouteContext<"/api/reports/[year]">) => {
  await requireReportAccess(request);
  const year = parseReportYear((await context.params).year);
  const query = parseQueryStrict(reportExportQuerySchema, normalizeReportParams(new URL(request.url).searchParams));
  const invalid = [...(year.ok ? [] : year.invalidParams), ...(query.ok ? await unknownWorkstreams(query.value.workstream) : query.invalidParams)];
  if (!year.ok || !query.ok || invalid.length) {
    throw new AppError("invalid_input", `Invalid parameter: ${[...new Set(invalid.map((param) => param.name))].join(", ")}`, invalid);
  }
  await requireYearWithMilestones(year.value);
  const { format, lang, workstream, status } = query.value;
  const data = await buildReportData(year.value, { lang, workstream, status }, todayIso(), await storedTranslations(lang));
  const report = await renderReport(data, format);
  return new Response(new Uint8Array(report.body), {
    headers: {
      "content-type": report.contentType,
      "content-disposition": `attachment; filename="${report.fileName}"`,
      "cache-control": "private, no-store",
    },
  });
});
