import { NextResponse } from "next/server";
import { actorFromRequest } from "@/lib/auth/actor";
import { setWatch } from "@/lib/commands/watches";
import { withProblemDetails } from "@/lib/http/problem";
import { readJson } from "@/lib/http/request";
import { parseSlugParam } from "@/lib/validation/parse-or-throw";

/** Watch or stop watching a workstream (any signed-in role): `{ "watched": true | false }`. */
export const PUT = withProblemDetails(async (request: Request, context: RouteContext<"/api/workstreams/[slug]/watch">) => {
  const actor = await actorFromRequest(request);
  const slug = parseSlugParam((await context.params).slug);
  return NextResponse.json(await setWatch(actor, slug, await readJson(request)));
});
