import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { preparedQuery } from "@/lib/queries/prepared";
import type { Actor } from "./permissions";

export const TOKEN_PREFIX = "ceb_";

const LAST_USED_PRECISION_MS = 60_000;

/** A new random token (256 bits); only its hash is stored. */
export function generateToken(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

/** SHA-256 suffices here: tokens are long random strings, not guessable passwords. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

// Every scripted request looks its token up: prepared once per connection.
const tokenStatement = preparedQuery((db) =>
  db
    .select({ id: apiTokens.id, scope: apiTokens.scope, lastUsedAt: apiTokens.lastUsedAt, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, sql.placeholder("hash")), isNull(apiTokens.revokedAt)))
    .prepare(),
);

/** The actor behind a bearer token, or null when it is unknown or revoked. */
export function actorFromToken(token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = getDb();
  const row = tokenStatement().get({ hash: hashToken(token) });
  if (!row) return null;
  // "Last used" to the minute: a write per request would cost every scripted call a transaction.
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= LAST_USED_PRECISION_MS) {
    db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, row.id)).run();
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.user.role,
    allWorkstreams: row.user.allWorkstreams,
    via: "token",
    tokenScope: row.scope,
  };
}
