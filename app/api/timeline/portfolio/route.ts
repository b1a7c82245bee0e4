import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { dayOf, quarterEndsIn } from "@/lib/domain/timeline-window";
import { withProblemDetails } from "@/lib/http/problem";
import { portfolioByQuarter } from "@/lib/queries/timeline";
import { timelinePortfolioQuerySchema } from "@/lib/validation/timeline";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

/** GET /api/timeline/portfolio?from=&to=[&year=&body=&status=&q=&workstream=]: milestones per status at the end of each quarter. */
export const GET = withProblemDetails(async (request: Request) => {
  requireReader(await actorFromRequest(request));
  const { from, to, ...filters } = parseApiQuery(timelinePortfolioQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json({ quarters: await portfolioByQuarter(filters, quarterEndsIn({ start: dayOf(from), end: dayOf(to) })) });
});
