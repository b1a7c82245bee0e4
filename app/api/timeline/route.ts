import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/domain/partial-date";
import { dayOf } from "@/lib/domain/timeline-window";
import { type ReadAnswer, type ReadRequest, registerDirectRead } from "@/lib/http/direct-reads";
import { withProblemDetails } from "@/lib/http/problem";
import { timelineBars } from "@/lib/queries/timeline";
import { timelineBarsQuerySchema } from "@/lib/validation/timeline";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

/** The bars of one window: shared by the route handler and the server's direct answer. */
async function readBars(request: ReadRequest): Promise<ReadAnswer> {
  requireReader(await actorFromRequest(request));
  const { from, to, offset, limit, lang, ...filters } = parseApiQuery(timelineBarsQuerySchema, new URL(request.url).searchParams);
  const today = todayIso();
  const body = await timelineBars(filters, lang, { start: dayOf(from), end: dayOf(to) }, offset, offset + limit, today);
  // Overdue flags and ongoing bars' ends depend on the day as well as on the data.
  return { body, headers: { "cache-control": "private, max-age=0, must-revalidate", etag: `"${body.version}.${today}"` } };
}

/**
 * GET /api/timeline?from=2025-01-01&to=2026-06-30&offset=0&limit=50[&lang=&year=&body=&status=&q=&workstream=]:
 * the roadmap's bars of rows offset..offset+limit that reach between two days, as compact rows
 * (see `CompactBar`). Row numbers come from GET /api/timeline/lanes with the same filters.
 * Once loaded, the server answers it directly (ADR 022); refusals and errors come from here.
 */
export const GET = withProblemDetails(async (request: Request) => {
  const { body, headers } = await readBars(request);
  return NextResponse.json(body, { headers });
});

registerDirectRead("/api/timeline", readBars);
