import fs from "node:fs";
/**
 * The PostgreSQL schema on a real server (tests/setup/postgres.ts): the migrations apply on an
 * empty database, history refuses to be rewritten, the search index follows the rows, and every
 * table reads back the same JavaScript values as SQLite does.
 */
import { eq, getTableName, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migratePostgres, openPostgres } from "@/db/postgres";
import * as pgSchema from "@/db/schema-pg";
import { setupPostgresTestDatabase } from "@/tests/setup/postgres";
import { PG_TABLES, ROWS_OF_EVERY_TABLE, SQLITE_TABLES, type TableName } from "@/tests/setup/rows-of-every-table";
import { setupTestDatabase } from "@/tests/setup/test-database";

const postgres = setupPostgresTestDatabase();
const sqliteDatabase = setupTestDatabase({ seed: false });

const TABLE_NAMES = Object.keys(ROWS_OF_EVERY_TABLE) as TableName[];

/** Inserts the fixture row of every table, in foreign-key order. */
async function insertEveryRow() {
  for (const name of TABLE_NAMES) {
    await postgres
      .db()
      .insert(PG_TABLES[name])
      .values(ROWS_OF_EVERY_TABLE[name] as never);
    sqliteDatabase
      .db()
      .insert(SQLITE_TABLES[name])
      .values(ROWS_OF_EVERY_TABLE[name] as never)
      .run();
  }
}

describe("PostgreSQL migrations", () => {
  it("apply on an empty database, create every table, and apply nothing twice", async () => {
    const empty = `ceb_empty_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgres.adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${empty}"`);
    const url = new URL(postgres.adminUrl());
    url.pathname = `/${empty}`;
    const db = openPostgres(url.toString());
    try {
      await migratePostgres(db);
      await migratePostgres(db);
      const tables = await db.execute<{ table_name: string }>(
        sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
      );
      const expected = [...Object.values(PG_TABLES).map((table) => getTableName(table)), "milestone_search", "workstream_search"].sort();
      expect(tables.rows.map((row) => row.table_name)).toEqual(expected);
      const applied = await db.execute<{ n: string }>(sql`select count(*) as n from drizzle.__drizzle_migrations`);
      const journal = JSON.parse(fs.readFileSync("drizzle/postgres/meta/_journal.json", "utf8")) as { entries: unknown[] };
      expect(Number(applied.rows[0]!.n)).toBe(journal.entries.length);
    } finally {
      await db.$client.end();
      await admin.query(`DROP DATABASE "${empty}" WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe("on PostgreSQL as on SQLite", () => {
  it("every table reads back the row written, with the same JavaScript values (dates, booleans, JSON)", async () => {
    await insertEveryRow();
    for (const name of TABLE_NAMES) {
      const fromPostgres = await postgres.db().select().from(PG_TABLES[name]);
      const fromSqlite = sqliteDatabase.db().select().from(SQLITE_TABLES[name]).all();
      expect(fromPostgres, name).toEqual(fromSqlite);
      expect(fromPostgres, name).toEqual([ROWS_OF_EVERY_TABLE[name]]);
    }
    const [user] = await postgres.db().select().from(pgSchema.users);
    expect(user!.createdAt).toBeInstanceOf(Date);
    expect(user!.emailVerified).toBe(true);
  });

  it("defaults fill the same kinds of values: ISO text stamps with milliseconds, Dates, false, empty lists", async () => {
    const [user] = await postgres.db().insert(pgSchema.users).values({ id: "user-defaults", name: "D", email: "d@example.org" }).returning();
    expect(user).toMatchObject({ role: "viewer", emailVerified: false, allWorkstreams: false, isDemo: false });
    expect(user!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(user!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    const [workstream] = await postgres
      .db()
      .insert(pgSchema.workstreams)
      .values({ slug: "defaults", nameEn: "D", nameZh: "D", bodyCode: "HLCM", summaryEn: "", summaryZh: "" })
      .returning();
    expect(workstream).toMatchObject({ leads: [], paragraphs: [], evidence: [], position: 0, version: 1 });
    expect(workstream!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe("status history is append-only on PostgreSQL", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, and keeps the entry", async () => {
    const db = postgres.db();
    const [entry] = await db.insert(pgSchema.statusHistory).values({ milestoneId: 11, toStatus: "completed", actor: "test" }).returning();
    const refusal = { cause: { message: "status_history is append-only", code: "23001" } };
    await expect(db.update(pgSchema.statusHistory).set({ note: "rewritten" }).where(eq(pgSchema.statusHistory.id, entry!.id))).rejects.toMatchObject(refusal);
    await expect(db.delete(pgSchema.statusHistory).where(eq(pgSchema.statusHistory.id, entry!.id))).rejects.toMatchObject(refusal);
    await expect(db.execute(sql`truncate status_history cascade`)).rejects.toMatchObject(refusal);
    const [kept] = await db.select().from(pgSchema.statusHistory).where(eq(pgSchema.statusHistory.id, entry!.id));
    expect(kept?.note).toBeNull();
  });
});

describe("search on PostgreSQL", () => {
  /** Ids found in a search table: the same shape of query as lib/queries/search.ts. */
  async function find(table: "workstream_search" | "milestone_search", term: string): Promise<number[]> {
    const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const result = await postgres
      .db()
      .execute<{ id: string }>(sql`select distinct rowid / 8 as id from ${sql.raw(table)} where text like '%' || search_fold(${pattern}) || '%' order by 1`);
    return result.rows.map((row) => Number(row.id));
  }

  it("has its trigram indexes", async () => {
    const indexes = await postgres
      .db()
      .execute<{ indexname: string; indexdef: string }>(
        sql`select indexname, indexdef from pg_indexes where tablename in ('workstream_search', 'milestone_search') and indexdef like '%gin_trgm_ops%' order by 1`,
      );
    expect(indexes.rows.map((row) => row.indexname)).toEqual(["milestone_search_text_idx", "workstream_search_text_idx"]);
  });

  it("finds rows as they are inserted, changed and translated: any case, accents, Chinese, the body's name", async () => {
    expect(await find("workstream_search", "DATA cube")).toEqual([7]);
    expect(await find("workstream_search", "sante publique")).toEqual([7]);
    expect(await find("workstream_search", "财务统")).toEqual([7]);
    // Every HLCM workstream, the one the defaults test added too.
    expect(await find("workstream_search", "high-level committee on management")).toContain(7);
    expect(await find("workstream_search", "مكعب")).toEqual([7]);
    expect(await find("milestone_search", "normes de données")).toEqual([11]);
    expect(await find("milestone_search", "数据标准")).toEqual([11]);
    expect(await find("milestone_search", "nothing like this")).toEqual([]);

    await postgres.db().update(pgSchema.milestones).set({ titleEn: "Interoperability framework" }).where(eq(pgSchema.milestones.id, 11));
    expect(await find("milestone_search", "interoperab")).toEqual([11]);
    expect(await find("milestone_search", "standards adopted")).toEqual([]);

    await postgres.db().delete(pgSchema.milestoneTranslations).where(eq(pgSchema.milestoneTranslations.milestoneId, 11));
    expect(await find("milestone_search", "normes")).toEqual([]);
  });

  it("uses the trigram index for a term of three characters or more", async () => {
    const plan = await postgres.db().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return tx.execute<{ "QUERY PLAN": string }>(sql`explain select rowid from milestone_search where text like '%' || search_fold('数据标') || '%'`);
    });
    expect(plan.rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain("milestone_search_text_idx");
  });
});
