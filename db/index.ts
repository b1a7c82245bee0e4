import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema/sqlite";

export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "data/ceb.sqlite";

/** The database file this process uses: `DATABASE_PATH`, else data/ceb.sqlite. */
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

// Cached on globalThis so that dev-server reloads reuse one connection. `configured` and `cwd`
// are what the path was resolved from: a write calls getDb() a dozen times, and resolving the
// path each time cost more than the statements' own JavaScript.
const globalForDb = globalThis as unknown as { cebDb?: { file: string; configured: string | undefined; cwd: string; db: AppDatabase } };

/** The process-wide database, opened on first use at `databasePath()`. */
export function getDb(): AppDatabase {
  const configured = process.env.DATABASE_PATH;
  const cwd = process.cwd();
  const cached = globalForDb.cebDb;
  if (cached && cached.configured === configured && cached.cwd === cwd) return cached.db;
  const file = databasePath();
  if (cached && cached.file === file) {
    globalForDb.cebDb = { ...cached, configured, cwd };
    return cached.db;
  }
  cached?.db.$client.close();
  const db = openDatabase(file);
  globalForDb.cebDb = { file, configured, cwd, db };
  return db;
}

/** Closes the process-wide connection (tests and CLI scripts). */
export function closeDb(): void {
  globalForDb.cebDb?.db.$client.close();
  globalForDb.cebDb = undefined;
}
