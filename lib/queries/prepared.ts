import "server-only";
import { type AppDatabase, getDb } from "@/db";

/**
 * One prepared statement per hot query and database connection: built on first use, then only
 * bound and run (no SQL built or parsed per request). Tests switch databases, hence the map.
 */
export function preparedQuery<Statement>(build: (db: AppDatabase) => Statement): () => Statement {
  const byDb = new WeakMap<AppDatabase, Statement>();
  return () => {
    const db = getDb();
    let statement = byDb.get(db);
    if (!statement) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}

/**
 * A transaction built once per connection, then only called: better-sqlite3 prepares its BEGIN,
 * COMMIT and ROLLBACK once, where drizzle's `db.transaction()` builds them on every call. The
 * body runs its statements on `db`, the one connection, so they are inside the transaction; a
 * throw rolls it back.
 */
export function preparedTransaction<Args extends unknown[], Result>(body: (db: AppDatabase, ...args: Args) => Result): (...args: Args) => Result {
  const transaction = preparedQuery((db) => db.$client.transaction((...args: Args) => body(db, ...args)));
  return (...args) => transaction()(...args);
}
