import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, sql } from "drizzle-orm";
import { copySqliteToPostgres } from "./copy";
import { openDatabase } from "./index";
import { migratePostgres, type PostgresDatabase } from "./postgres";
import { workstreams } from "./schema-pg";
import type { SeedResult } from "./seed/load";
import { prepareDatabase } from "./setup";

/** An advisory lock key of our own: one process at a time migrates and seeds. */
const PREPARE_LOCK = 4_202_213;

/**
 * What every start does on PostgreSQL, as `prepareDatabase` does on SQLite: apply pending
 * migrations, then seed the report when the database has no workstreams (unless `seed` is
 * false). The seed is the SQLite one (db/seed), built in a temporary file and copied with
 * db:copy's checked copy, so both databases start from the same rows. Several app processes
 * may start at once: a session advisory lock lets one prepare while the others wait.
 */
export async function preparePostgresDatabase(db: PostgresDatabase, options: { seed?: boolean } = {}): Promise<SeedResult | null> {
  const connection = await db.$client.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [PREPARE_LOCK]);
    try {
      await migratePostgres(db);
      const [row] = await db.select({ n: count() }).from(workstreams);
      if (options.seed === false || (row?.n ?? 0) > 0) return null;
      return await seedFromReport(db);
    } finally {
      await connection.query("select pg_advisory_unlock($1)", [PREPARE_LOCK]);
    }
  } finally {
    connection.release();
  }
}

async function seedFromReport(db: PostgresDatabase): Promise<SeedResult> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-seed-"));
  const source = openDatabase(path.join(directory, "seed.sqlite"));
  try {
    const seeded = prepareDatabase(source);
    if (!seeded) throw new Error("Seeding the temporary SQLite database gave no rows");
    await copySqliteToPostgres(source, db);
    // Fresh statistics, so the planner knows the tables are no longer empty.
    await db.execute(sql`analyze`);
    return seeded;
  } finally {
    source.$client.close();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}
