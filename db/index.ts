import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { databaseDialect } from "./dialect";
import { openPostgres, type PostgresDatabase } from "./postgres";
import { type DataChanges, listenForDataChanges } from "./postgres-changes.mjs";
import * as schema from "./schema/sqlite";

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/ceb.sqlite";

/** The SQLite file this process uses: `DATABASE_PATH`, else data/ceb.sqlite (unused on PostgreSQL). */
export function databasePath(): string {
  const configured = process.env.DATABASE_PATH?.trim();
  return path.resolve(configured ? configured : DEFAULT_DATABASE_PATH);
}

/** Opens a SQLite file with the pragmas every connection needs. */
export function openDatabase(file: string): AppDatabase {
  const directory = path.dirname(file);
  try {
    fs.mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new Error(`DATABASE_PATH points at ${file}, but its folder ${directory} cannot be created: ${String(error)}`);
  }
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new Error(`Cannot open the SQLite database at ${file} (DATABASE_PATH): ${String(error)}`);
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Concurrent writers wait up to 5 s for the lock instead of failing at once.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle({ client: sqlite, schema }) as AppDatabase;
}

/**
 * What dialect-specific code needs of the database this process uses: the better-sqlite3
 * connection, or the PostgreSQL pool with its change notices (db/postgres-changes.ts).
 */
export type DatabaseRuntime =
  | { dialect: "sqlite"; db: AppDatabase; sqlite: Database.Database }
  | { dialect: "postgres"; db: AppDatabase; postgres: PostgresDatabase; changes: DataChanges };

type Opened = { key: string; url: string | undefined; file: string | undefined; cwd: string; runtime: DatabaseRuntime };

// Cached on globalThis so that dev-server reloads reuse one connection. `url`, `file` and `cwd`
// are what the location was resolved from (DATABASE_URL, DATABASE_PATH, the folder): a write
// calls getDb() a dozen times, and resolving the location each time cost more than the
// statements' own JavaScript.
const globalForDb = globalThis as unknown as { cebDb?: Opened; cebPostgresTransaction?: AsyncLocalStorage<AppDatabase> };

/**
 * The transaction a PostgreSQL write is running in, if any: getDb() answers it, so that every
 * statement of the write (prepared ones included) runs on the transaction's connection. Shared
 * through globalThis because Next bundles pages and route handlers separately.
 */
export const postgresTransaction = (globalForDb.cebPostgresTransaction ??= new AsyncLocalStorage<AppDatabase>());

function open(): Opened {
  const { DATABASE_URL: url, DATABASE_PATH: file } = process.env;
  const cwd = process.cwd();
  const cached = globalForDb.cebDb;
  if (cached && cached.url === url && cached.file === file && cached.cwd === cwd) return cached;
  const dialect = databaseDialect();
  const key = dialect === "postgres" ? url!.trim() : databasePath();
  if (cached && cached.runtime.dialect === dialect && cached.key === key) return (globalForDb.cebDb = { ...cached, url, file, cwd });
  if (cached) void closeRuntime(cached.runtime);
  let runtime: DatabaseRuntime;
  if (dialect === "postgres") {
    const postgres = openPostgres(key);
    // Queries are written once against the SQLite types; the parity test keeps the PostgreSQL tables' types equal.
    runtime = { dialect, db: postgres as unknown as AppDatabase, postgres, changes: listenForDataChanges(key) };
  } else {
    const db = openDatabase(key);
    runtime = { dialect, db, sqlite: db.$client };
  }
  return (globalForDb.cebDb = { key, url, file, cwd, runtime });
}

/**
 * The process-wide database: SQLite at `databasePath()`, or PostgreSQL at DATABASE_URL (db/dialect.ts),
 * opened on first use. Inside a PostgreSQL transaction, that transaction.
 */
export function getDb(): AppDatabase {
  const cached = globalForDb.cebDb;
  if (cached?.runtime.dialect === "postgres") {
    const transaction = postgresTransaction.getStore();
    if (transaction) return transaction;
  }
  return open().runtime.db;
}

/** The database this process uses, with what its dialect-specific code needs. */
export function databaseRuntime(): DatabaseRuntime {
  return open().runtime;
}

async function closeRuntime(runtime: DatabaseRuntime): Promise<void> {
  if (runtime.dialect === "sqlite") {
    runtime.sqlite.close();
    return;
  }
  await runtime.changes.close();
  await runtime.postgres.$client.end();
}

/** Closes the process-wide connection (tests and CLI scripts); on SQLite at once, on PostgreSQL when the promise resolves. */
export function closeDb(): Promise<void> {
  const cached = globalForDb.cebDb;
  globalForDb.cebDb = undefined;
  return cached ? closeRuntime(cached.runtime) : Promise.resolve();
}
