import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { redactDatabaseUrl } from "./database-url.mjs";
import * as schema from "./schema-pg";

export { redactDatabaseUrl };

export type PostgresDatabase = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** Folder of the PostgreSQL migrations, generated from db/schema-pg (drizzle.pg.config.ts). */
export const POSTGRES_MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle/postgres");

export const DEFAULT_POOL_SIZE = 10;

/** Connections the pool may hold: `DATABASE_POOL_SIZE`, else 10. */
export function databasePoolSize(): number {
  const configured = process.env.DATABASE_POOL_SIZE?.trim();
  if (!configured) return DEFAULT_POOL_SIZE;
  const size = Number(configured);
  if (!Number.isInteger(size) || size < 1) throw new Error(`DATABASE_POOL_SIZE must be a whole number of connections (1 or more), got "${configured}"`);
  return size;
}

/**
 * Opens a pool of connections to the PostgreSQL database at `url` (postgres:// or
 * postgresql://, e.g. postgres://user:password@host:5432/ceb or postgresql:///ceb?host=/run/postgresql).
 * No connection is made until the first query.
 */
export function openPostgres(url: string): PostgresDatabase {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(`DATABASE_URL is not a URL: "${redactDatabaseUrl(url)}". Expected postgres://user:password@host:5432/database`);
  }
  if (protocol !== "postgres:" && protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${redactDatabaseUrl(url)}"`);
  }
  const pool = new pg.Pool({ connectionString: url, max: databasePoolSize() });
  // An idle connection the server drops (restart, failover) emits here; unhandled, it would end
  // the process. The pool replaces it on the next query.
  pool.on("error", (error) => console.error(`PostgreSQL connection to ${redactDatabaseUrl(url)} failed while idle: ${error.message}`));
  return drizzle({ client: pool, schema }) as PostgresDatabase;
}

/** Applies every PostgreSQL migration the database has not had yet; safe to call on each start. */
export async function migratePostgres(db: PostgresDatabase): Promise<void> {
  await migrate(db, { migrationsFolder: POSTGRES_MIGRATIONS_FOLDER });
}
