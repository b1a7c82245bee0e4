import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireReader } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { parseId } from "@/lib/http/request";
import { getMilestoneState } from "@/lib/queries/milestone-state";
import { historyOfMilestones } from "@/lib/queries/milestones";

/** Every entry of a milestone's history, newest first; a removed milestone keeps its history. */
export const GET = withProblemDetails(async (request: Request, context: RouteContext<"/api/milestones/[id]/history">) => {
  requireReader(await actorFromRequest(request));
  const id = parseId((await context.params).id);
  const state = await getMilestoneState(id);
  if (!state) throw new AppError("not_found", `No milestone with id ${id}.`);
  return NextResponse.json({ milestoneId: id, removed: state.removedAt !== null, entries: (await historyOfMilestones([id])).get(id) ?? [] });
});
