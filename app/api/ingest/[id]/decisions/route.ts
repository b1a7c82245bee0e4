import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { decideProposals } from "@/lib/commands/ingest";
import { withProblemDetails } from "@/lib/http/problem";
import { parseId, readJson } from "@/lib/http/request";

/** Accepts (one possibly edited) or rejects (with a reason) proposals of a read report. */
export const POST = withProblemDetails(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await actorFromRequest(request);
  const id = parseId((await context.params).id);
  return NextResponse.json(await decideProposals(actor, id, await readJson(request)));
});
