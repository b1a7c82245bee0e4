import { NextResponse } from "next/server";
import { todayIso } from "@/lib/domain/partial-date";
import { withProblemDetails } from "@/lib/http/problem";
import { listMilestones } from "@/lib/queries/milestones";
import { milestoneListQuerySchema } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

export const GET = withProblemDetails((request: Request) => {
  const { page, pageSize, ...filters } = parseApiQuery(milestoneListQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json(listMilestones(filters, { page, pageSize }, todayIso()));
});
