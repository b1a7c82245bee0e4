import "server-only";
import { getSessionCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getAuth } from "./auth";
import { type Actor, requireRole } from "./permissions";
import type { UserRole } from "@/db/schema";
import { actorFromToken } from "./tokens";

/** The signed-in user behind a request's session cookie, read fresh so role changes apply at once. */
export async function actorFromSession(headers: Headers): Promise<Actor | null> {
  // No session cookie, no session: a public read skips better-auth's session lookup (its request pipeline costs more than the roadmap's slicing).
  if (!getSessionCookie(headers)) return null;
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const user = (await getDb().select().from(users).where(eq(users.id, session.user.id)).limit(1))[0];
  if (!user) return null;
  return { userId: user.id, name: user.name, email: user.email, role: user.role, allWorkstreams: user.allWorkstreams, via: "session" };
}

/** Methods that change nothing: the only ones the REST API answers for a session cookie. */
const READ_METHODS = ["GET", "HEAD", "OPTIONS"];

/**
 * Who is asking, for a route handler: a bearer token (scripts), or for reads the session cookie.
 * A bad token is an error rather than anonymous, so a script with a revoked token hears why.
 * Writes take a token only (ADR 013): our pages write through server actions, which Next checks
 * for their origin, so a cookie write to the API can only be a forged or a mistaken one. It is
 * refused with 401 before the session is even looked up.
 */
export async function actorFromRequest(request: Pick<Request, "method" | "headers">): Promise<Actor | null> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const [scheme, token] = authorization.split(/\s+/, 2);
    if (scheme?.toLowerCase() !== "bearer" || !token) {
      throw new AppError("unauthenticated", "Authorization must be `Bearer <token>`.");
    }
    const actor = await actorFromToken(token);
    if (!actor) throw new AppError("unauthenticated", "The API token is unknown or has been revoked.");
    return actor;
  }
  if (!READ_METHODS.includes(request.method)) {
    throw new AppError(
      "unauthenticated",
      "Writes to the API need an API token: send `Authorization: Bearer <token>`. A session cookie is accepted for reads only.",
    );
  }
  return actorFromSession(request.headers);
}

/**
 * Who is asking to write, checked before the body is read: unknown callers hear 401 and callers
 * without the role 403 without sending a byte of their body through the parser. Commands check
 * again (and check assignments) once they know what is written.
 */
export async function writerFromRequest(request: Request, minimum: UserRole): Promise<Actor> {
  return requireRole(await actorFromRequest(request), minimum);
}
