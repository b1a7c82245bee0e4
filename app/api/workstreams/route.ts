import { NextResponse } from "next/server";
import { actorFromRequest, writerFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { createWorkstream } from "@/lib/commands/workstreams";
import { todayIso } from "@/lib/domain/partial-date";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { workstreamListQuerySchema } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

export const GET = withProblemDetails(async (request: Request) => {
  const actor = requireReader(await actorFromRequest(request));
  const { page, pageSize, sort, ...filters } = parseApiQuery(workstreamListQuerySchema, new URL(request.url).searchParams);
  return NextResponse.json(await listWorkstreamSummaries(filters, { page, pageSize }, todayIso(), { sort, watcherId: actor?.userId }));
});

/** Adds a workstream (admins): 201 with the new workstream. */
export const POST = withProblemDetails(async (request: Request) => {
  const actor = await writerFromRequest(request, "admin");
  return NextResponse.json(await createWorkstream(actor, await readJson(request)), { status: 201 });
});
