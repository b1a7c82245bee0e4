import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { type TokenScope, type UserRole, workstreamAssignments } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Who is asking: a signed-in user, or a script with one of a user's API tokens. */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  role: UserRole;
  allWorkstreams: boolean;
  via: "session" | "token";
  tokenScope?: TokenScope;
};

const RANK: Record<UserRole, number> = { viewer: 0, editor: 1, admin: 2 };

/** A read-scoped token acts as a viewer whatever its owner's role. */
export function effectiveRole(actor: Actor): UserRole {
  return actor.via === "token" && actor.tokenScope === "read" ? "viewer" : actor.role;
}

/** Reading is public only when PUBLIC_READ=1; otherwise it takes an account. */
export function isPublicRead(): boolean {
  return process.env.PUBLIC_READ === "1";
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new AppError("unauthenticated", "Sign in, or send an API token, to do this.");
  return actor;
}

export function requireRole(actor: Actor | null, minimum: UserRole): Actor {
  const user = requireUser(actor);
  if (RANK[effectiveRole(user)] < RANK[minimum]) {
    const why = user.via === "token" && user.tokenScope === "read" ? " (this token is read-only)" : "";
    throw new AppError("forbidden", `This needs the ${minimum} role${why}.`);
  }
  return user;
}

/** Reading needs an account unless the deployment made reading public. */
export function requireReader(actor: Actor | null): Actor | null {
  return isPublicRead() ? actor : requireUser(actor);
}

/** Admins and all-workstream editors may change any workstream; other editors their assigned ones. */
export async function canEditWorkstream(actor: Actor | null, workstreamId: number): Promise<boolean> {
  if (!actor) return false;
  const role = effectiveRole(actor);
  if (role === "admin") return true;
  if (role !== "editor") return false;
  if (actor.allWorkstreams) return true;
  const assignment = (
    await getDb()
      .select({ userId: workstreamAssignments.userId })
      .from(workstreamAssignments)
      .where(and(eq(workstreamAssignments.userId, actor.userId), eq(workstreamAssignments.workstreamId, workstreamId)))
      .limit(1)
  )[0];
  return Boolean(assignment);
}

export async function requireWorkstreamEditor(actor: Actor | null, workstreamId: number): Promise<Actor> {
  const user = requireRole(actor, "editor");
  if (!(await canEditWorkstream(user, workstreamId))) {
    throw new AppError("forbidden", "You are not assigned to this workstream.");
  }
  return user;
}
