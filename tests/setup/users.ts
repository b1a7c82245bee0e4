import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { type UserRole, users, workstreams } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { createApiToken, createUser, setUserAccess } from "@/lib/commands/users";

export const TEST_PASSWORD = "correct horse battery staple";

export type TestPrincipal = { actor: Actor; token: string; readToken: string; email: string };

/** A user with a write- and a read-scoped token, created through the real commands. */
export async function makeUser(role: UserRole, options: { allWorkstreams?: boolean; assignedSlugs?: string[]; email?: string } = {}): Promise<TestPrincipal> {
  const email = options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const created = await createUser({ email, role, password: TEST_PASSWORD, allWorkstreams: options.allWorkstreams ?? false });
  const row = (await getDb().select().from(users).where(eq(users.id, created.id)).limit(1))[0]!;
  const actor: Actor = { userId: row.id, name: row.name, email: row.email, role: row.role, allWorkstreams: row.allWorkstreams, via: "session" };
  if (options.assignedSlugs?.length) {
    const ids: number[] = [];
    for (const slug of options.assignedSlugs) ids.push((await getDb().select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!.id);
    const admin: Actor = { ...actor, role: "admin", userId: "bootstrap" };
    await setUserAccess(admin, row.id, { role, allWorkstreams: false, workstreamIds: ids });
  }
  return {
    actor,
    email,
    token: (await createApiToken(actor, row.id, { name: "test write", scope: "write" })).token,
    readToken: (await createApiToken(actor, row.id, { name: "test read", scope: "read" })).token,
  };
}
