import { NextResponse } from "next/server";
import { actorFromRequest, writerFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { updateWorkstream } from "@/lib/commands/workstreams";
import { todayIso } from "@/lib/domain/partial-date";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";
import { listMilestones } from "@/lib/queries/milestones";
import { getWorkstreamBySlug } from "@/lib/queries/workstreams";
import { pageQuerySchema, pageSizeSchema } from "@/lib/validation/filters";
import { parseApiQuery, parseSlugParam } from "@/lib/validation/parse-or-throw";

const querySchema = pageQuerySchema.extend({
  pageSize: pageSizeSchema(500, 200),
});

export const GET = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]">) => {
  requireReader(await actorFromRequest(request));
  const slug = parseSlugParam((await context.params).slug);
  const { page, pageSize } = parseApiQuery(querySchema, new URL(request.url).searchParams);
  const today = todayIso();
  const workstream = await getWorkstreamBySlug(slug, today);
  if (!workstream) throw new AppError("not_found", `No workstream with slug "${slug}"`);
  const milestones = await listMilestones({ workstream: slug }, { page, pageSize }, today);
  return NextResponse.json({ ...workstream, milestones });
});

/** Changes a workstream (admins): 200 with the workstream as saved. */
export const PATCH = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]">) => {
  const actor = await writerFromRequest(request, "admin");
  const slug = parseSlugParam((await context.params).slug);
  return NextResponse.json(await updateWorkstream(actor, slug, await readJson(request)));
});
