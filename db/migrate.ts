import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { AppDatabase } from "./index";

/** Folder of the drizzle-kit migrations committed with the code. */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/** Applies every migration the database has not had yet; safe to call on each start. */
export function migrateDatabase(db: AppDatabase): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
