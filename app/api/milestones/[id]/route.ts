import { NextResponse } from "next/server";
import { actorFromRequest, writerFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { removeMilestone, updateMilestone } from "@/lib/commands/milestones";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { parseId, readJson } from "@/lib/http/request";
import { getMilestoneState } from "@/lib/queries/milestone-state";

type Context = RouteContext<"/api/milestones/[id]">;

export const GET = withProblemDetails(async (request: Request, context: Context) => {
  requireReader(await actorFromRequest(request));
  const id = parseId((await context.params).id);
  const state = await getMilestoneState(id);
  if (!state || state.removedAt) throw new AppError("not_found", `No milestone with id ${id}.`);
  return NextResponse.json(state);
});

export const PATCH = withProblemDetails(async (request: Request, context: Context) => {
  const actor = await writerFromRequest(request, "editor");
  const id = parseId((await context.params).id);
  return NextResponse.json(await updateMilestone(actor, id, await readJson(request)));
});

/** Soft removal: the milestone leaves every view, its history stays. */
export const DELETE = withProblemDetails(async (request: Request, context: Context) => {
  const actor = await writerFromRequest(request, "editor");
  const id = parseId((await context.params).id);
  return NextResponse.json(await removeMilestone(actor, id, await readJson(request)));
});
