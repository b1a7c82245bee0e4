import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type AppDatabase, databaseRuntime } from "@/db";
import { apiTokens, users } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { actorDataVersion, watchActorChanges } from "@/lib/queries/data-version";
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

type KnownToken = { id: number; actor: Actor; lastUsedAt: number };
type TokenCache = { entries: Map<string, KnownToken>; stamp: string; generation: number; dataVersion: () => string };

/** Enough for every token of a deployment; past it the cache starts again rather than grow. */
const MAX_CACHED_TOKENS = 1000;

/**
 * Known tokens by hash, per connection, valid while nothing an actor is made of has changed. A
 * change through this connection (a revocation, a role or assignment scope changed, a user
 * removed: by our commands, better-auth or a hand-run statement) bumps `generation`; a commit by
 * any other connection moves its data version (lib/queries/data-version.ts). Either empties the
 * cache before the next lookup, so a revocation applies to the very next request.
 */
const tokenCaches = new WeakMap<AppDatabase, TokenCache>();

function tokenCacheOf(db: AppDatabase): TokenCache {
  let cache = tokenCaches.get(db);
  if (!cache) {
    const created: TokenCache = { entries: new Map(), stamp: "", generation: 0, dataVersion: actorDataVersion(db) };
    watchActorChanges(db, () => created.generation++);
    cache = created;
    tokenCaches.set(db, cache);
  }
  const stamp = `${cache.dataVersion()}|${cache.generation}`;
  if (stamp !== cache.stamp || cache.entries.size > MAX_CACHED_TOKENS) {
    cache.entries.clear();
    cache.stamp = stamp;
  }
  return cache;
}

async function lookUpToken(hash: string): Promise<KnownToken | null> {
  const row = (await tokenStatement().execute({ hash }))[0];
  if (!row) return null;
  return {
    id: row.id,
    lastUsedAt: row.lastUsedAt ? Date.parse(row.lastUsedAt) : Number.NEGATIVE_INFINITY,
    actor: {
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: row.user.role,
      allWorkstreams: row.user.allWorkstreams,
      via: "token",
      tokenScope: row.scope,
    },
  };
}

/** The actor behind a bearer token, or null when it is unknown or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  // Keyed by the database, not by a transaction a caller may be in.
  const cache = tokenCacheOf(databaseRuntime().db);
  const hash = hashToken(token);
  // Unknown tokens are never kept: nobody can fill the cache by guessing.
  let known = cache.entries.get(hash) ?? null;
  if (!known) {
    known = await lookUpToken(hash);
    if (!known) return null;
    cache.entries.set(hash, known);
  }
  // "Last used" to the minute: a write per request would cost every scripted call a transaction.
  const now = Date.now();
  if (now - known.lastUsedAt >= LAST_USED_PRECISION_MS) {
    // Marked before the write, so that requests arriving meanwhile do not queue one each.
    known.lastUsedAt = now;
    const id = known.id;
    await runInTransaction(async (tx) => {
      await tx
        .update(apiTokens)
        .set({ lastUsedAt: new Date(now).toISOString() })
        .where(eq(apiTokens.id, id));
    });
  }
  // A copy: callers may hold on to it, the cache keeps its own.
  return { ...known.actor };
}
