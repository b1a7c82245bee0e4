import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isAllowedOrigin } from "@/lib/http/origin";
import { getAuth } from "./auth";
import { type Actor, requireRole } from "./permissions";
import type { UserRole } from "@/db/schema";
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
 * Who is asking to write, checked before the body is read: unknown callers hear 401 and callers
 * without the role 403 without sending a byte of their body through the parser. Commands check
 * again (and check assignments) once they know what is written.
 */
export async function writerFromRequest(request: Request, minimum: UserRole): Promise<Actor> {
  return requireRole(await actorFromRequest(request), minimum);
}

/**
 * Cookie-authenticated writes must come from our own pages: the browser's Origin must be
 * APP_URL's scheme, host and port (lib/http/origin.ts). Host and X-Forwarded-Host are not
 * consulted: the client or a proxy sets them. Tokens are not sent by browsers on their own, so
 * they skip this.
 */
export function assertSameOrigin(request: Request): void {
  if (isAllowedOrigin(request.headers.get("origin"))) return;
  throw new AppError("forbidden", "Cross-site request refused: writes with a session cookie must come from this site.");
}
