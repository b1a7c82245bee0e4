import "server-only";
import { type AppDatabase, getDb } from "@/db";

/**
 * One prepared statement per hot query and database connection: built on first use, then only
 * bound and run (no SQL built or parsed per request). Tests switch databases, hence the map.
 * Run it with `await statement().execute(values)`, which answers rows on every dialect.
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
