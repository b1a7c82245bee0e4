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
import { pageQuerySchema, pageSizeSchema, slugSchema, toInvalidParams } from "@/lib/validation/filters";
import { parseApiQuery } from "@/lib/validation/parse-or-throw";

const querySchema = pageQuerySchema.extend({
  pageSize: pageSizeSchema(500, 200),
});

export const GET = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]">) => {
  requireReader(await actorFromRequest(request));
  const { slug: rawSlug } = await context.params;
  const slug = slugSchema.safeParse(rawSlug);
  if (!slug.success) {
    throw new AppError(
      "invalid_input",
      "Invalid workstream slug",
      toInvalidParams(slug.error).map((p) => ({ ...p, name: "slug" })),
    );
  }
  const { page, pageSize } = parseApiQuery(querySchema, new URL(request.url).searchParams);
  const today = todayIso();
  const workstream = await getWorkstreamBySlug(slug.data, today);
  if (!workstream) throw new AppError("not_found", `No workstream with slug "${slug.data}"`);
  const milestones = await listMilestones({ workstream: slug.data }, { page, pageSize }, today);
  return NextResponse.json({ ...workstream, milestones });
});

/** Changes a workstream (admins): 200 with the workstream as saved. */
export const PATCH = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]">) => {
  const actor = await writerFromRequest(request, "admin");
  const { slug } = await context.params;
  return NextResponse.json(await updateWorkstream(actor, slug, await readJson(request)));
});
