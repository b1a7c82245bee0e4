import { NextResponse } from "next/server";
import { z } from "zod";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { localizedText } from "@/lib/content/localized-text";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { workstreamChoices } from "@/lib/queries/report";
import { workstreamTextsIn } from "@/lib/queries/translations";
import { parseReportYear } from "@/lib/reports/load";
import { parseQueryStrict } from "@/lib/validation/filters";
import { langSchema } from "@/lib/validation/timeline";

const choicesQuerySchema = z.object({ lang: langSchema });

/** One workstream the report of a year can be limited to: [slug, name, the name's language]. */
export type WorkstreamChoice = [string, string, string];

/**
 * GET /api/reports/{year}/workstreams?lang=: the workstreams with milestones in the year, in the
 * report's order, named in `lang` (English where no translation is stored). The report page's
 * workstream picker loads them when it is opened, rather than every page carrying them all.
 */
export const GET = withProblemDetails(async (request: Request, context: RouteContext<"/api/reports/[year]/workstreams">) => {
  // Readers of the report page may ask, as for the other read routes (the exports need an account).
  requireReader(await actorFromRequest(request));
  const year = parseReportYear((await context.params).year);
  const query = parseQueryStrict(choicesQuerySchema, new URL(request.url).searchParams);
  if (!year.ok || !query.ok) {
    const invalid = [...(year.ok ? [] : year.invalidParams), ...(query.ok ? [] : query.invalidParams)];
    throw new AppError("invalid_input", `Invalid parameter: ${[...new Set(invalid.map((param) => param.name))].join(", ")}`, invalid);
  }
  const { lang } = query.value;
  const choices = await workstreamChoices(year.value);
  const texts = await workstreamTextsIn(
    choices.map((choice) => choice.id),
    lang,
  );
  const workstreams = choices.map((choice): WorkstreamChoice => {
    const name = localizedText(lang, { en: choice.nameEn, zh: choice.nameZh }, texts.get(choice.id)?.name);
    return [choice.slug, name.text, name.lang];
  });
  return NextResponse.json({ year: year.value, workstreams });
});
