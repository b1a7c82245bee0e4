import "server-only";
import type { AppDatabase } from "@/db";

/**
 * Probes that tell a cache its data may have changed (ADR 021). SQLite implementations: a
 * PostgreSQL one would keep the same shape (a counter fed by LISTEN/NOTIFY, read synchronously).
 */

/**
 * A number that moves whenever another connection (another server process, a command-line
 * script) commits: SQLite's `pragma data_version`. Reading it costs microseconds.
 */
export function otherConnectionsVersion(db: AppDatabase): () => number {
  const statement = db.$client.prepare("pragma data_version").pluck();
  return () => statement.get() as number;
}

/**
 * Calls `onChange` whenever a write through this connection changes what an actor is made of: a
 * token revoked or re-scoped, a user's role, scope, name or email changed, a user or token
 * deleted (by our commands, better-auth or a hand-run statement). On SQLite, temporary triggers
 * that call a function of this connection; they live as long as it.
 */
export function watchActorChanges(db: AppDatabase, onChange: () => void): void {
  db.$client.function("ceb_actor_data_changed", () => {
    onChange();
    return null;
  });
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
}
