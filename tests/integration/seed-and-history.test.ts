import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { milestones, statusHistory } from "@/db/schema";
import { countRows, setupTestDatabase } from "../setup/test-database";

const database = setupTestDatabase();

/** The database's own message for a statement it refuses (drizzle wraps it with the query). */
async function refusalOf(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return String((error as Error).cause ?? error);
  }
  throw new Error("expected the statement to be refused");
}

describe("the report seed in the database", () => {
  it("writes one initial history entry per milestone", async () => {
    const db = database.db();
    expect(await countRows(statusHistory)).toBe(await countRows(milestones));
    const entry = (await db.select().from(statusHistory).limit(1))[0]!;
    expect(entry).toMatchObject({ fromStatus: null, actor: "seed" });
    expect(entry.note).toMatch(/E\/2022\/13, para\. \d+/);
  });

  it("keeps status history append-only", async () => {
    const db = database.db();
    const before = await countRows(statusHistory);
    expect(await refusalOf(db.update(statusHistory).set({ note: "rewritten" }))).toMatch(/append-only/);
    expect(await refusalOf(db.delete(statusHistory))).toMatch(/append-only/);
    expect(await countRows(statusHistory)).toBe(before);
    expect(await db.select().from(statusHistory).where(eq(statusHistory.note, "rewritten"))).toEqual([]);
  });

  it("stores each date's period so a month is never its first day", async () => {
    const db = database.db();
    const monthly = await db.select().from(milestones).where(eq(milestones.datePrecision, "month"));
    expect(monthly.length).toBeGreaterThan(0);
    for (const milestone of monthly) {
      expect(milestone.periodStart.endsWith("-01")).toBe(true);
      expect(milestone.periodEnd > milestone.periodStart).toBe(true);
    }
  });
});
