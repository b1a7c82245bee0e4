import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodies, milestones, workstreams } from "@/db/schema";
import { loadReportSeed } from "@/db/seed/load";
import { reportSeed as reportSeedData } from "@/db/seed/report-e-2022-13";
import type { ReportSeed } from "@/db/seed/seed-schema";
import { countRows, setupTestDatabase } from "../setup/test-database";

// SQLite only (vitest.postgres.config.ts leaves it out): the seed loader writes SQLite, and a
// PostgreSQL database receives its rows by copy; the pragmas are SQLite's connection settings.
const reportSeed: ReportSeed = reportSeedData;
const database = setupTestDatabase();

describe("the report seed in a SQLite database", () => {
  it("is idempotent: a second run adds nothing and keeps changes made since", async () => {
    const db = database.db();
    const before = { w: await countRows(workstreams), m: await countRows(milestones), b: await countRows(bodies) };
    const first = (await db.select().from(milestones).limit(1))[0]!;
    await db
      .update(milestones)
      .set({ status: "delayed", version: first.version + 1 })
      .where(eq(milestones.id, first.id));

    expect(loadReportSeed(db, reportSeed)).toEqual({ bodies: 0, workstreams: 0, milestones: 0 });
    expect({ w: await countRows(workstreams), m: await countRows(milestones), b: await countRows(bodies) }).toEqual(before);
    expect((await db.select().from(milestones).where(eq(milestones.id, first.id)).limit(1))[0]!.status).toBe("delayed");
  });

  it("runs with foreign keys on and in WAL mode", () => {
    const client = database.db().$client;
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(Number(client.pragma("busy_timeout", { simple: true }))).toBeGreaterThan(0);
  });
});
