import { NextResponse } from "next/server";
import { writerFromRequest } from "@/lib/auth/actor";
import { createMilestone } from "@/lib/commands/milestones";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";
import { parseSlugParam } from "@/lib/validation/parse-or-throw";

export const POST = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]/milestones">) => {
  const actor = await writerFromRequest(request, "editor");
  const slug = parseSlugParam((await context.params).slug);
  return NextResponse.json(await createMilestone(actor, slug, await readJson(request)), { status: 201 });
});
