/**
 * npm run db:copy: a seeded SQLite database copied into PostgreSQL keeps every row and id, and
 * the copy checks itself (counts and hashes per table) before it commits.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { compareDatabases, copySqliteToPostgres, openSqliteSource, postgresTableFingerprints, type SqliteSource } from "@/db/copy";
import { openPostgres, type PostgresDatabase } from "@/db/postgres";
import * as sqlite from "@/db/schema";
import * as pg from "@/db/schema-pg";
import { setupPostgresTestDatabase } from "@/tests/setup/postgres";
import { ROWS_OF_EVERY_TABLE, SQLITE_TABLES, type TableName } from "@/tests/setup/rows-of-every-table";
import { setupTestDatabase } from "@/tests/setup/test-database";

const source = setupTestDatabase();
const postgres = setupPostgresTestDatabase();

// The seed fills bodies, workstreams, milestones and their history; these fill the rest.
const ADDED: TableName[] = [
  "users",
  "sessions",
  "accounts",
  "verifications",
  "milestone_translations",
  "workstream_translations",
  "workstream_assignments",
  "workstream_watches",
  "api_tokens",
  "login_throttle",
  "ingested_documents",
  "ingest_proposals",
];

beforeAll(() => {
  for (const name of ADDED)
    source
      .db()
      .insert(SQLITE_TABLES[name])
      .values(ROWS_OF_EVERY_TABLE[name] as never)
      .run();
});

/** The test database as a read-only copy source, closed after `work`. */
async function withSource<T>(work: (from: SqliteSource) => Promise<T>): Promise<T> {
  const from = openSqliteSource(process.env.DATABASE_PATH!);
  try {
    return await work(from);
  } finally {
    from.$client.close();
  }
}

async function withTarget<T>(url: string, work: (to: PostgresDatabase) => Promise<T>): Promise<T> {
  const to = openPostgres(url);
  try {
    return await work(to);
  } finally {
    await to.$client.end();
  }
}

describe("npm run db:copy", () => {
  it("copies every table with its ids, prints matching counts and hashes, and moves the identities past the copied ids", async () => {
    const tsx = path.resolve("node_modules/.bin/tsx");
    const { stdout } = await promisify(execFile)(tsx, [
      "scripts/db-copy.ts",
      "--from",
      `sqlite:${process.env.DATABASE_PATH}`,
      "--to",
      postgres.url(),
      "--batch-size",
      "50",
    ]);
    const lines = stdout.split("\n");
    for (const table of Object.keys(SQLITE_TABLES)) expect(lines.find((line) => line.startsWith(`${table} `)) ?? `no line for ${table}`).toMatch(/\bok$/);
    expect(stdout).toMatch(/Copied 16 tables in \d+ ms; counts and hashes match/);
    expect(lines.find((line) => line.startsWith("milestones "))).toMatch(/^milestones\s+132\s+132\s/);

    const db = postgres.db();
    const spotSqlite = source.db().select().from(sqlite.milestones).where(eq(sqlite.milestones.id, 57)).get();
    const [spotPostgres] = await db.select().from(pg.milestones).where(eq(pg.milestones.id, 57));
    expect(spotPostgres).toEqual(spotSqlite);
    const [user] = await db.select().from(pg.users);
    expect(user).toEqual(ROWS_OF_EVERY_TABLE.users);
    const [history] = await db.select({ rows: count() }).from(pg.statusHistory);
    expect(history!.rows).toBe(132);

    const [created] = await db
      .insert(pg.workstreams)
      .values({ slug: "after-copy", nameEn: "After", nameZh: "后", bodyCode: "HLCM", summaryEn: "", summaryZh: "" })
      .returning({ id: pg.workstreams.id });
    expect(created!.id).toBe(29);
    // The search index was filled by the triggers as the rows arrived.
    const found = await db.execute<{ id: number }>(sql`select rowid / 8 as id from milestone_search where rowid = 57 * 8`);
    expect(found.rows).toHaveLength(1);
  });

  it("refuses a target that holds rows and changes nothing; with --replace copies again", async () => {
    const url = await postgres.anotherDatabase();
    await withSource((from) =>
      withTarget(url, async (to) => {
        await copySqliteToPostgres(from, to);
        await to.insert(pg.loginThrottle).values({ key: "ip:192.0.2.1", failures: 1, windowStartedAt: 1_800_000_000_000 });
        await expect(copySqliteToPostgres(from, to)).rejects.toThrow(/not empty \(.*milestones: 132.*\)\. Pass --replace/);
        const [throttles] = await to.select({ rows: count() }).from(pg.loginThrottle);
        expect(throttles!.rows).toBe(2);

        const checks = await copySqliteToPostgres(from, to, { replace: true });
        expect(checks.filter((check) => !check.ok)).toEqual([]);
        expect(await to.select().from(pg.loginThrottle)).toEqual([ROWS_OF_EVERY_TABLE.login_throttle]);
      }),
    );
  });

  it("finds a row that differs, and a row that is missing, in the table they belong to", async () => {
    const url = await postgres.anotherDatabase();
    await withSource((from) =>
      withTarget(url, async (to) => {
        await copySqliteToPostgres(from, to);
        await to.update(pg.milestones).set({ titleEn: "Changed after the copy" }).where(eq(pg.milestones.id, 3));
        await to.delete(pg.workstreamWatches);
        const checks = await compareDatabases(from, to);
        expect(checks.filter((check) => !check.ok).map((check) => [check.table, check.sqliteRows, check.postgresRows])).toEqual([
          ["milestones", 132, 132],
          ["workstream_watches", 1, 0],
        ]);
      }),
    );
  });

  it("fingerprints a PostgreSQL database's tables as the copy checks them, less what it is told to ignore, and sees a changed row", async () => {
    const url = await postgres.anotherDatabase();
    await withSource((from) =>
      withTarget(url, async (to) => {
        await copySqliteToPostgres(from, to);
        const checks = await compareDatabases(from, to);
        expect(await postgresTableFingerprints(to)).toEqual(
          Object.fromEntries(checks.map((check) => [check.table, { rows: check.postgresRows, sha256: check.postgresSha256 }])),
        );

        const ignore: Record<string, string[] | "*"> = { login_throttle: "*", api_tokens: ["last_used_at"] };
        const before = await postgresTableFingerprints(to, ignore);
        expect(Object.keys(before)).not.toContain("login_throttle");
        await to.update(pg.apiTokens).set({ lastUsedAt: "2030-01-01T00:00:00.000Z" });
        await to.update(pg.loginThrottle).set({ failures: 7 });
        expect(await postgresTableFingerprints(to, ignore)).toEqual(before);

        await to.update(pg.milestones).set({ titleEn: "Changed after the fingerprint" }).where(eq(pg.milestones.id, 3));
        const after = await postgresTableFingerprints(to, ignore);
        expect(Object.keys(after).filter((table) => after[table]!.sha256 !== before[table]!.sha256)).toEqual(["milestones"]);
        expect(after.milestones!.rows).toBe(before.milestones!.rows);
      }),
    );
  });
});
