import { NextResponse } from "next/server";
import { writerFromRequest } from "@/lib/auth/actor";
import { createMilestone } from "@/lib/commands/milestones";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";

export const POST = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]/milestones">) => {
  const actor = await writerFromRequest(request, "editor");
  const { slug } = await context.params;
  return NextResponse.json(await createMilestone(actor, slug, await readJson(request)), { status: 201 });
});
