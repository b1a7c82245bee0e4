import { count } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { prepareDatabase } from "@/db/setup";

/**
 * Gives the calling test file its own SQLite file, migrated (and seeded from the report unless
 * `seed: false`), removed afterwards. No test depends on rows another file left behind.
 */
export function setupTestDatabase(options: { seed?: boolean } = {}) {
  let directory = "";
  beforeAll(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-test-"));
    process.env.DATABASE_PATH = path.join(directory, "test.sqlite");
    closeDb();
    const db = getDb();
    if (options.seed === false) migrateDatabase(db);
    else prepareDatabase(db);
  });
  afterAll(() => {
    closeDb();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  return { db: () => getDb() };
}

/** Number of rows in a table, synchronously. */
export function countRows(table: SQLiteTable): number {
  return getDb().select({ n: count() }).from(table).get()?.n ?? 0;
}
