import crypto from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type AppDatabase, getDb } from "@/db";
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

type KnownToken = { id: number; actor: Actor; lastUsedAt: number };
type TokenCache = { entries: Map<string, KnownToken>; stamp: string; generation: number; dataVersion: () => number };

/** Enough for every token of a deployment; past it the cache starts again rather than grow. */
const MAX_CACHED_TOKENS = 1000;

/**
 * Known tokens by hash, per connection, valid while nothing an actor is made of has changed. A
 * change through this connection (a revocation, a role or assignment scope changed, a user
 * removed: by our commands, better-auth or a hand-run statement) fires a temporary trigger that
 * bumps `generation`; a commit by any other connection moves SQLite's `data_version`. Either
 * empties the cache before the next lookup, so a revocation applies to the very next request.
 */
const tokenCaches = new WeakMap<AppDatabase, TokenCache>();

function tokenCacheOf(db: AppDatabase): TokenCache {
  let cache = tokenCaches.get(db);
  if (!cache) {
    const dataVersion = db.$client.prepare("pragma data_version").pluck();
    const created: TokenCache = { entries: new Map(), stamp: "", generation: 0, dataVersion: () => dataVersion.get() as number };
    db.$client.function("ceb_actor_data_changed", () => {
      created.generation++;
      return null;
    });
    // Temporary: they belong to this connection only, and live as long as it.
    db.$client.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ceb_api_tokens_updated AFTER UPDATE OF revoked_at, scope, user_id, token_hash ON main.api_tokens
        BEGIN SELECT ceb_actor_data_changed(); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ceb_api_tokens_deleted AFTER DELETE ON main.api_tokens
        BEGIN SELECT ceb_actor_data_changed(); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ceb_users_updated AFTER UPDATE OF id, name, email, role, all_workstreams ON main.users
        BEGIN SELECT ceb_actor_data_changed(); END;
      CREATE TEMP TRIGGER IF NOT EXISTS ceb_users_deleted AFTER DELETE ON main.users
        BEGIN SELECT ceb_actor_data_changed(); END;
    `);
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

function lookUpToken(hash: string): KnownToken | null {
  const row = tokenStatement().get({ hash });
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
export function actorFromToken(token: string): Actor | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = getDb();
  const cache = tokenCacheOf(db);
  const hash = hashToken(token);
  // Unknown tokens are never kept: nobody can fill the cache by guessing.
  let known = cache.entries.get(hash) ?? null;
  if (!known) {
    known = lookUpToken(hash);
    if (!known) return null;
    cache.entries.set(hash, known);
  }
  // "Last used" to the minute: a write per request would cost every scripted call a transaction.
  const now = Date.now();
  if (now - known.lastUsedAt >= LAST_USED_PRECISION_MS) {
    db.update(apiTokens)
      .set({ lastUsedAt: new Date(now).toISOString() })
      .where(eq(apiTokens.id, known.id))
      .run();
    known.lastUsedAt = now;
  }
  // A copy: callers may hold on to it, the cache keeps its own.
  return { ...known.actor };
}
