import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { compareDatabases } from "@/db/copy";
import { openPostgres } from "@/db/postgres";
import { preparePostgresDatabase } from "@/db/postgres-setup";
import { milestones, statusHistory, workstreams } from "@/db/schema-pg";
import { setupPostgresTestDatabase } from "../setup/postgres";
import { milestones as sqliteMilestones } from "@/db/schema/sqlite";
import { setupTestDatabase } from "../setup/test-database";

const postgres = setupPostgresTestDatabase();
// A SQLite database seeded the usual way, to compare with.
const sqlite = setupTestDatabase();

const rows = async (table: typeof workstreams | typeof milestones | typeof statusHistory) => (await postgres.db().select({ n: count() }).from(table))[0]!.n;

describe("a start on PostgreSQL migrates and seeds as on SQLite", () => {
  it("seeds an empty database with exactly the rows a SQLite start seeds, once, even when two processes start together", async () => {
    const second = openPostgres(postgres.url());
    try {
      // Two app processes starting at the same moment: one seeds, the other finds it seeded.
      const [first, other] = await Promise.all([preparePostgresDatabase(postgres.db()), preparePostgresDatabase(second)]);
      const results = [first, other];
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      const seeded = results.find((result) => result !== null)!;
      expect(seeded.milestones).toBeGreaterThan(50);
      expect(await rows(milestones)).toBe(seeded.milestones);
    } finally {
      await second.$client.end();
    }
    // Every table holds the same rows; those with the moment of seeding (created, updated,
    // changed at) differ there only, so their report fields are compared instead.
    const stamped = ["workstreams", "milestones", "status_history"];
    const checks = await compareDatabases(sqlite.db() as never, postgres.db());
    expect(checks.filter((check) => check.sqliteRows !== check.postgresRows)).toEqual([]);
    expect(checks.filter((check) => !check.ok && !stamped.includes(check.table))).toEqual([]);
    const reportFields = {
      id: milestones.id,
      titleZh: milestones.titleZh,
      date: milestones.date,
      status: milestones.status,
      paragraph: milestones.sourceParagraph,
      quoteZh: milestones.quoteZh,
    };
    const fromPostgres = await postgres.db().select(reportFields).from(milestones).orderBy(milestones.id);
    const fromSqlite = sqlite
      .db()
      .select({
        id: sqliteMilestones.id,
        titleZh: sqliteMilestones.titleZh,
        date: sqliteMilestones.date,
        status: sqliteMilestones.status,
        paragraph: sqliteMilestones.sourceParagraph,
        quoteZh: sqliteMilestones.quoteZh,
      })
      .from(sqliteMilestones)
      .orderBy(sqliteMilestones.id)
      .all();
    expect(fromPostgres).toEqual(fromSqlite);
    expect(await preparePostgresDatabase(postgres.db())).toBeNull();
  });

  it("leaves a database empty with seed: false, migrated all the same", async () => {
    const url = await postgres.anotherDatabase();
    const empty = openPostgres(url);
    try {
      expect(await preparePostgresDatabase(empty, { seed: false })).toBeNull();
      expect((await empty.select({ n: count() }).from(workstreams))[0]!.n).toBe(0);
    } finally {
      await empty.$client.end();
    }
  });
});
