import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";
import { type Actor } from "./permissions";
import { actorFromToken } from "./tokens";

/** The signed-in user behind a request's session cookie, read fresh so role changes apply at once. */
export async function actorFromSession(headers: Headers): Promise<Actor | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = getDb().select().from(users).where(eq(users.id, session.user.id)).get();
  if (!user) return null;
  return { userId: user.id, name: user.name, email: user.email, role: user.role, allWorkstreams: user.allWorkstreams, via: "session" };
}

/**
 * Who is asking, for a route handler: a bearer token (scripts) or the session cookie. A bad
 * token is an error rather than anonymous, so a script with a revoked token hears why.
 */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new AppError("unauthenticated", "Authorization must be `Bearer <token>`.");
    }
    const actor = actorFromToken(token);
    if (!actor) throw new AppError("unauthenticated", "The API token is unknown or has been revoked.");
    return actor;
  }
  const actor = await actorFromSession(request.headers);
  if (actor && !["GET", "HEAD", "OPTIONS"].includes(request.method)) assertSameOrigin(request);
  return actor;
}

/**
 * Cookie-authenticated writes must come from our own pages: the browser's Origin (or, without
 * it, Sec-Fetch-Site) must say so. Tokens are not sent by browsers on their own, so they skip this.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = "";
    }
    if (originHost === host) return;
  } else if (request.headers.get("sec-fetch-site") === "same-origin") {
    return;
  }
  throw new AppError("forbidden", "Cross-site request refused: writes with a session cookie must come from this site.");
}
