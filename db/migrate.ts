import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { AppDatabase } from "./index";

/** Folder of the drizzle-kit migrations committed with the code. */
export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "drizzle");

/**
 * Applies every migration the database has not had yet; safe to call on each start.
 *
 * A migration that changes a CHECK constraint rebuilds its table (SQLite cannot alter one):
 * drizzle-kit writes `PRAGMA foreign_keys=OFF` around the rebuild, but SQLite ignores that
 * pragma inside the transaction the migrator runs in, so dropping `milestones` would cascade
 * into its history (append-only: the migration would abort) and translations. Foreign keys are
 * therefore off for the whole run, and checked before they are turned back on.
 */
export function migrateDatabase(db: AppDatabase): void {
  const sqlite = db.$client;
  const enforced = Boolean(sqlite.pragma("foreign_keys", { simple: true }));
  sqlite.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length) throw new Error(`Migration left ${broken.length} rows with broken foreign keys`);
  } finally {
    if (enforced) sqlite.pragma("foreign_keys = ON");
  }
}
