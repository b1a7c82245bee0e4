import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { withProblemDetails } from "@/lib/http/problem";
import { timelineFrame } from "@/lib/queries/timeline";
import { timelineLanesQuerySchema } from "@/lib/validation/timeline";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

/**
 * GET /api/timeline/lanes[?lang=&year=&body=&status=&q=&workstream=&offset=&limit=]: the roadmap's groups and
 * every lane's rows, with the names of every lane, or of `limit` lanes from `offset`.
 */
export const GET = withProblemDetails(async (request: Request) => {
  requireReader(await actorFromRequest(request));
  const { lang, offset, limit, ...filters } = parseApiQuery(timelineLanesQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json(await timelineFrame(filters, lang, { offset, limit }));
});
