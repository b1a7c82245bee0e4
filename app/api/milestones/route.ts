import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/domain/partial-date";
import { withProblemDetails } from "@/lib/http/problem";
import { listMilestones } from "@/lib/queries/milestones";
import { milestoneListQuerySchema } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

export const GET = withProblemDetails(async (request: Request) => {
  requireReader(await actorFromRequest(request));
  const { page, pageSize, ...filters } = parseApiQuery(milestoneListQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json(await listMilestones(filters, { page, pageSize }, todayIso()));
});
