import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { withProblemDetails } from "@/lib/http/problem";
import { parseId } from "@/lib/http/request";
import { getReviewQueue } from "@/lib/queries/ingest";

/** A read report's proposals by workstream, with its paragraphs (editors and admins). */
export const GET = withProblemDetails(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  requireRole(await actorFromRequest(request), "editor");
  const id = parseId((await context.params).id);
  const queue = await getReviewQueue(id);
  if (!queue) throw new AppError("not_found", `No ingested document with id ${id}.`);
  return NextResponse.json(queue);
});
