import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodies, milestones, statusHistory, workstreams } from "@/db/schema";
import { loadReportSeed } from "@/db/seed/load";
import { reportSeed as reportSeedData } from "@/db/seed/report-e-2022-13";
import type { ReportSeed } from "@/db/seed/seed-schema";

const reportSeed: ReportSeed = reportSeedData;
import { countRows, setupTestDatabase } from "../setup/test-database";

const database = setupTestDatabase();

describe("the report seed in the database", () => {
  it("writes one initial history entry per milestone", () => {
    const db = database.db();
    expect(countRows(statusHistory)).toBe(countRows(milestones));
    const entry = db.select().from(statusHistory).limit(1).get()!;
    expect(entry).toMatchObject({ fromStatus: null, actor: "seed" });
    expect(entry.note).toMatch(/E\/2022\/13, para\. \d+/);
  });

  it("is idempotent: a second run adds nothing and keeps changes made since", () => {
    const db = database.db();
    const before = { w: countRows(workstreams), m: countRows(milestones), b: countRows(bodies) };
    const first = db.select().from(milestones).limit(1).get()!;
    db.update(milestones)
      .set({ status: "delayed", version: first.version + 1 })
      .where(eq(milestones.id, first.id))
      .run();

    expect(loadReportSeed(db, reportSeed)).toEqual({ bodies: 0, workstreams: 0, milestones: 0 });
    expect({ w: countRows(workstreams), m: countRows(milestones), b: countRows(bodies) }).toEqual(before);
    expect(db.select().from(milestones).where(eq(milestones.id, first.id)).get()!.status).toBe("delayed");
  });

  it("keeps status history append-only", () => {
    const db = database.db();
    expect(() => db.update(statusHistory).set({ note: "rewritten" }).run()).toThrow(/append-only/);
    expect(() => db.delete(statusHistory).run()).toThrow(/append-only/);
  });

  it("stores each date's period so a month is never its first day", () => {
    const db = database.db();
    const monthly = db.select().from(milestones).where(eq(milestones.datePrecision, "month")).all();
    expect(monthly.length).toBeGreaterThan(0);
    for (const milestone of monthly) {
      expect(milestone.periodStart.endsWith("-01")).toBe(true);
      expect(milestone.periodEnd > milestone.periodStart).toBe(true);
    }
  });

  it("runs with foreign keys on and in WAL mode", () => {
    const client = database.db().$client;
    expect(client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(Number(client.pragma("busy_timeout", { simple: true }))).toBeGreaterThan(0);
  });
});
