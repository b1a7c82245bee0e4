import "server-only";
import crypto from "node:crypto";
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { runInTransaction } from "@/db/transaction";
import { apiTokens, type TokenScope, type UserRole, users, workstreamAssignments, workstreams } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { type Actor, requireRole, requireUser } from "@/lib/auth/permissions";
import { generateToken, hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { invalidParam } from "@/lib/validation/english-reasons";
import { parseInput } from "@/lib/validation/parse-or-throw";
import { newTokenSchema, newUserSchema, type NewUserInput, userAccessSchema } from "@/lib/validation/users";

/**
 * Creates an account with a password (hashed by better-auth with scrypt). Not a permission
 * check: callers are the command line (trusted: it holds the database) or `createUserAsAdmin`.
 */
export async function createUser(input: NewUserInput & { isDemo?: boolean }): Promise<{ id: string; email: string; role: UserRole }> {
  const data = parseInput(newUserSchema, input);
  const db = getDb();
  if ((await db.select({ id: users.id }).from(users).where(eq(users.email, data.email)).limit(1))[0]) {
    throw new AppError("conflict", `An account for ${data.email} already exists.`, [invalidParam("email", "emailInUse")]);
  }
  const context = await getAuth().$context;
  const passwordHash = await context.password.hash(data.password);
  const user = await context.internalAdapter.createUser(
    {
      email: data.email,
      name: data.name ?? data.email.split("@")[0]!,
      emailVerified: true,
      role: data.role,
      allWorkstreams: data.role === "admin" || data.allWorkstreams,
      isDemo: input.isDemo ?? false,
    },
    { method: "admin" },
  );
  await context.internalAdapter.linkAccount({ userId: user.id, providerId: "credential", accountId: user.id, password: passwordHash });
  return { id: user.id, email: data.email, role: data.role };
}

export async function createUserAsAdmin(actor: Actor | null, input: unknown) {
  requireRole(actor, "admin");
  return createUser(parseInput(newUserSchema, input));
}

/** Sets a user's role, editing scope and workstream assignments in one step. */
export async function setUserAccess(actor: Actor | null, userId: string, input: unknown): Promise<void> {
  const admin = requireRole(actor, "admin");
  const data = parseInput(userAccessSchema, input);
  const db = getDb();
  const user = (await db.select().from(users).where(eq(users.id, userId)).limit(1))[0];
  if (!user) throw new AppError("not_found", "No such user.");
  if (user.id === admin.userId && data.role !== "admin") {
    throw new AppError("unprocessable", "You cannot remove your own admin role.", [invalidParam("role", "selfLockout")]);
  }
  const known = data.workstreamIds.length
    ? (await db.select({ id: workstreams.id }).from(workstreams).where(inArray(workstreams.id, data.workstreamIds))).map((w) => w.id)
    : [];
  const unknown = data.workstreamIds.filter((id) => !known.includes(id));
  if (unknown.length) {
    throw new AppError("unprocessable", "Unknown workstream", [invalidParam("workstreamIds", "unknownIds", { ids: unknown.join(", ") })]);
  }
  await runInTransaction(async (tx) => {
    await tx
      .update(users)
      .set({ role: data.role, allWorkstreams: data.role === "admin" || data.allWorkstreams, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await tx.delete(workstreamAssignments).where(eq(workstreamAssignments.userId, userId));
    if (known.length) await tx.insert(workstreamAssignments).values(known.map((workstreamId) => ({ userId, workstreamId })));
  });
}

/**
 * Creates a personal API token for `ownerId` (yourself, or anyone if you are an admin). The
 * token is returned once; only its hash is kept.
 */
export async function createApiToken(actor: Actor | null, ownerId: string, input: unknown): Promise<{ token: string; id: number; scope: TokenScope }> {
  const user = requireUser(actor);
  // Tokens cannot mint tokens: that needs a person signed in.
  if (user.via === "token") throw new AppError("forbidden", "API tokens cannot create tokens; sign in.");
  if (ownerId !== user.userId) requireRole(user, "admin");
  const data = parseInput(newTokenSchema, input);
  const db = getDb();
  if (!(await db.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).limit(1))[0]) throw new AppError("not_found", "No such user.");
  const token = generateToken();
  const [row] = await runInTransaction((tx) =>
    tx
      .insert(apiTokens)
      .values({ userId: ownerId, name: data.name, scope: data.scope, tokenHash: hashToken(token), prefix: token.slice(0, 10), createdBy: user.email })
      .returning({ id: apiTokens.id }),
  );
  return { token, id: row!.id, scope: data.scope };
}

export async function revokeApiToken(actor: Actor | null, tokenId: number): Promise<void> {
  const user = requireUser(actor);
  if (user.via === "token") throw new AppError("forbidden", "API tokens cannot revoke tokens; sign in.");
  const db = getDb();
  const token = (await db.select().from(apiTokens).where(eq(apiTokens.id, tokenId)).limit(1))[0];
  if (!token) throw new AppError("not_found", "No such token.");
  if (token.userId !== user.userId) requireRole(user, "admin");
  // Revoking twice keeps the first date.
  await runInTransaction(async (tx) => {
    await tx
      .update(apiTokens)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)));
  });
}

export const DEMO_ACCOUNTS: { email: string; role: UserRole; name: string }[] = [
  { email: "admin@demo.ceb.local", role: "admin", name: "Demo admin" },
  { email: "editor@demo.ceb.local", role: "editor", name: "Demo editor" },
  { email: "viewer@demo.ceb.local", role: "viewer", name: "Demo viewer" },
];

/**
 * On a database without accounts, creates one demo account per role and returns their
 * passwords (to print once). With DEMO=0 it creates none and refuses to go on while demo
 * accounts exist, so a real deployment cannot keep them by mistake.
 */
export async function prepareDemoAccounts(demo = process.env.DEMO !== "0"): Promise<{ email: string; role: UserRole; password: string }[]> {
  const db = getDb();
  if (!demo) {
    const left = (await db.select({ n: count() }).from(users).where(eq(users.isDemo, true)).limit(1))[0]?.n ?? 0;
    if (left > 0) {
      throw new Error(`DEMO=0 but ${left} demo account(s) exist. Remove them with \`npm run user:remove-demo\` before starting a real deployment.`);
    }
    return [];
  }
  if (((await db.select({ n: count() }).from(users).limit(1))[0]?.n ?? 0) > 0) return [];
  const created = [];
  for (const account of DEMO_ACCOUNTS) {
    const password = crypto.randomBytes(12).toString("base64url");
    await createUser({ ...account, password, allWorkstreams: account.role !== "viewer", isDemo: true });
    created.push({ email: account.email, role: account.role, password });
  }
  return created;
}

export async function removeDemoAccounts(): Promise<number> {
  const removed = await runInTransaction((tx) => tx.delete(users).where(eq(users.isDemo, true)).returning({ id: users.id }));
  return removed.length;
}
