import { count, type SQL, sql } from "drizzle-orm";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, vi } from "vitest";
import { closeDb, databasePath, databaseRuntime, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { openPostgres, type PostgresDatabase } from "@/db/postgres";
import { preparePostgresDatabase } from "@/db/postgres-setup";
import { prepareDatabase } from "@/db/setup";
import { setupPostgresTestDatabase } from "./postgres";

/** Whether this run's integration tests use PostgreSQL (vitest.postgres.config.ts) rather than SQLite. */
export const onPostgres = process.env.TEST_DIALECT === "postgres";

/**
 * Waits until the change notices of every write committed so far have reached the app's caches
 * (PostgreSQL; nothing to wait for on SQLite): a marker is sent, and the wait lasts until
 * notices have arrived and then stopped for 50 ms. PostgreSQL delivers notices in commit order,
 * so once the marker has arrived so have all the others.
 */
export async function changeNoticesSettled(): Promise<void> {
  if (!onPostgres) return;
  const before = changesOf().version();
  await (getDb() as unknown as PostgresDatabase).execute(sql`select pg_notify('ceb_data_changed', 'settled')`);
  const deadline = Date.now() + 2_000;
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (changesOf().version() === before) {
    if (Date.now() > deadline) throw new Error("The change notices did not settle within 2 s");
    await wait(5);
  }
  // The first notice to arrive may be an earlier commit's, not ours: settled once none has come for a while
  // (ours is committed last, and notices arrive in commit order).
  for (let seen = changesOf().version(); ; seen = changesOf().version()) {
    await wait(50);
    if (changesOf().version() === seen) return;
    if (Date.now() > deadline) throw new Error("The change notices did not settle within 2 s");
  }
}

/** The app's change listener (PostgreSQL only). */
function changesOf() {
  const runtime = databaseRuntime();
  if (runtime.dialect !== "postgres") throw new Error("Change notices exist on PostgreSQL only");
  return runtime.changes;
}

/**
 * Gives the calling test file its own database, migrated (and seeded from the report unless
 * `seed: false`), removed afterwards. No test depends on rows another file left behind. On
 * SQLite a file in a temporary folder; on PostgreSQL (TEST_DIALECT=postgres) a database of the
 * run's test server, which the app reaches through DATABASE_URL.
 */
export function setupTestDatabase(options: { seed?: boolean } = {}) {
  if (onPostgres) return setupPostgresAppDatabase(options);
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
  return {
    db: () => getDb(),
    /** Runs `body` with the app on another database, migrated and seeded, then returns to this file's. */
    withAnotherDatabase: async <T>(body: () => Promise<T>): Promise<T> => {
      const previous = process.env.DATABASE_PATH;
      const another = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-test-"));
      process.env.DATABASE_PATH = path.join(another, "another.sqlite");
      closeDb();
      try {
        prepareDatabase(getDb());
        return await body();
      } finally {
        closeDb();
        process.env.DATABASE_PATH = previous;
        fs.rmSync(another, { recursive: true, force: true });
      }
    },
  };
}

function setupPostgresAppDatabase(options: { seed?: boolean }) {
  // Registered first, so its afterAll (dropping the database) runs after ours has closed the
  // app's connections: PostgreSQL refuses to drop a database that is in use.
  const postgres = setupPostgresTestDatabase();
  beforeAll(async () => {
    process.env.DATABASE_URL = postgres.url();
    // The app's connection may still point at the previous file's database.
    await closeDb();
    await preparePostgresDatabase(postgres.db(), { seed: options.seed !== false });
    // Caches are bypassed until the app's change listener is in place, as on a server's start.
    await changesOf().ready;
  }, 180_000);
  afterAll(async () => {
    await closeDb();
  });
  return {
    db: () => getDb(),
    withAnotherDatabase: async <T>(body: () => Promise<T>): Promise<T> => {
      const url = await postgres.anotherDatabase();
      const another = openPostgres(url);
      try {
        await preparePostgresDatabase(another);
      } finally {
        await another.$client.end();
      }
      const previous = process.env.DATABASE_URL;
      process.env.DATABASE_URL = url;
      await closeDb();
      try {
        return await body();
      } finally {
        await closeDb();
        process.env.DATABASE_URL = previous;
      }
    },
  };
}

/** Any table of the active dialect (db/schema types them all as SQLite tables). */
type AnyTable = Parameters<ReturnType<ReturnType<typeof getDb>["select"]>["from"]>[0];

/** Number of rows in a table. */
export async function countRows(table: AnyTable): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(table);
  return Number(row?.n ?? 0);
}

/**
 * The rows a raw SQL query answers, on either database. Prefer drizzle's builders; this is for
 * the few checks that must see what is stored, under the columns' SQL names.
 */
export async function rowsOf<Row = Record<string, unknown>>(query: SQL): Promise<Row[]> {
  // better-sqlite3 answers an array of rows at once, node-postgres a result with `rows`.
  if (onPostgres) return (await (getDb() as unknown as PostgresDatabase).execute(query)).rows as Row[];
  return (getDb() as unknown as BetterSQLite3Database).all<Row>(query);
}

/** Runs a raw SQL statement that answers no rows (an INSERT, UPDATE or DELETE), on either database. */
export async function runSql(query: SQL): Promise<void> {
  if (onPostgres) await (getDb() as unknown as PostgresDatabase).execute(query);
  else (getDb() as unknown as BetterSQLite3Database).run(query);
}

/** Runs a statement on a connection of its own, as another server process or a script would. */
export async function fromAnotherConnection(query: SQL): Promise<void> {
  if (onPostgres) {
    const before = changesOf().version();
    const other = openPostgres(process.env.DATABASE_URL!);
    try {
      await other.execute(query);
    } finally {
      await other.$client.end();
    }
    // Another process's commit reaches this one's caches with its notice, a few milliseconds
    // later (ADR 020): the write counts as made once the notice is in.
    const deadline = Date.now() + 2_000;
    while (changesOf().version() === before) {
      if (Date.now() > deadline) throw new Error("No change notice arrived within 2 s of a write from another connection");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return;
  }
  const other = new Database(databasePath());
  try {
    drizzle({ client: other }).run(query);
  } finally {
    other.close();
  }
}

/**
 * Watches the statements the app's connection is asked to prepare or run, to count the queries a
 * read makes. `texts()` is their SQL in order; parameters are `?` on SQLite and `$1` on PostgreSQL.
 */
export function spyOnStatements(): { texts: () => string[]; restore: () => void } {
  if (onPostgres) {
    const pool = (getDb() as unknown as PostgresDatabase).$client as unknown as { query: (config: string | { text: string }) => unknown };
    const spy = vi.spyOn(pool, "query");
    return { texts: () => spy.mock.calls.map(([config]) => (typeof config === "string" ? config : config.text)), restore: () => spy.mockRestore() };
  }
  const spy = vi.spyOn((getDb() as unknown as { $client: Database.Database }).$client, "prepare");
  return { texts: () => spy.mock.calls.map(([source]) => source), restore: () => spy.mockRestore() };
}
