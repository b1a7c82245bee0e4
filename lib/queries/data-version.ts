import "server-only";
import { type AppDatabase, databaseRuntime } from "@/db";
import { committedTransactions } from "@/db/transaction";

/**
 * Probes that tell a cache its data may have changed (ADR 021), read without a query: SQLite's
 * `pragma data_version` and temporary triggers; on PostgreSQL the change notices every commit
 * sends (migration drizzle/postgres/0004, db/postgres-changes.ts).
 */

/**
 * A number that moves whenever another connection (another server process, a command-line
 * script) commits. SQLite: `pragma data_version`, microseconds. PostgreSQL: the count of change
 * notices this process received, which arrive a few milliseconds after each commit of any process.
 */
export function otherConnectionsVersion(db: AppDatabase): () => number {
  const runtime = databaseRuntime();
  if (runtime.dialect === "postgres") return () => runtime.changes.version();
  const statement = db.$client.prepare("pragma data_version").pluck();
  return () => statement.get() as number;
}

/**
 * A value that changes whenever what an actor is made of may have changed in another process:
 * a token revoked or re-scoped, a user's role or scope changed, a user or token deleted. On
 * SQLite any other connection's commit; on PostgreSQL the notices about users and API tokens, and
 * every transaction this process commits (its own changes must apply to the very next request,
 * before their notice comes back).
 */
export function actorDataVersion(db: AppDatabase): () => string {
  const runtime = databaseRuntime();
  if (runtime.dialect === "postgres") return () => `${runtime.changes.actorVersion()}|${committedTransactions()}`;
  const version = otherConnectionsVersion(db);
  return () => String(version());
}

/**
 * Calls `onChange` whenever a write through this connection changes what an actor is made of: a
 * token revoked or re-scoped, a user's role, scope, name or email changed, a user or token
 * deleted (by our commands, better-auth or a hand-run statement). On SQLite, temporary triggers
 * that call a function of this connection; they live as long as it. On PostgreSQL there is no
 * such connection: `actorDataVersion` covers this process's writes too.
 */
export function watchActorChanges(db: AppDatabase, onChange: () => void): void {
  if (databaseRuntime().dialect === "postgres") return;
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
