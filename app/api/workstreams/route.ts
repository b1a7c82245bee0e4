import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/domain/partial-date";
import { withProblemDetails } from "@/lib/http/problem";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { workstreamListQuerySchema } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

export const GET = withProblemDetails(async (request: Request) => {
  requireReader(await actorFromRequest(request));
  const { page, pageSize, ...filters } = parseApiQuery(workstreamListQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json(listWorkstreamSummaries(filters, { page, pageSize }, todayIso()));
});
