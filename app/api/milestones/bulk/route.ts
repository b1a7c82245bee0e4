import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { bulkUpdateMilestones } from "@/lib/commands/milestones";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";

/** 200 rows of ids and versions and a 2,000-character note fit well within this. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * One change to many milestones: 200 with a result per row (done, conflict or refused); 422 when
 * the shared change itself is wrong, before any row is touched.
 */
export const POST = withProblemDetails(async (request: Request) => {
  const actor = await actorFromRequest(request);
  return NextResponse.json(await bulkUpdateMilestones(actor, await readJson(request, MAX_BODY_BYTES)));
});
