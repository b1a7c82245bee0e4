import { asc, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { bodies, loginThrottle } from "@/db/schema";
import { runInTransaction } from "@/db/transaction";
import { listBodies } from "@/lib/queries/bodies";
import { setupTestDatabase } from "../setup/test-database";

// Commands write through runInTransaction (docs/decisions/021-async-queries.md): an async body on
// the one SQLite connection, between BEGIN IMMEDIATE and COMMIT.
setupTestDatabase();

const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 10));
const counter = (key: string) => ({ key, failures: 1, windowStartedAt: 0, lockedUntil: null });

describe("runInTransaction", () => {
  it("runs transactions started together one after the other, never interleaved on the connection", async () => {
    const steps: string[] = [];
    const first = runInTransaction(async (tx) => {
      await tx.insert(loginThrottle).values(counter("order:a1"));
      steps.push("a1");
      // Another request's turn of the event loop comes while this body waits.
      await nextTurn();
      await tx.insert(loginThrottle).values(counter("order:a2"));
      steps.push("a2");
    });
    const second = runInTransaction(async (tx) => {
      steps.push("b1");
      await tx.insert(loginThrottle).values(counter("order:b1"));
    });
    await Promise.all([first, second]);
    expect(steps).toEqual(["a1", "a2", "b1"]);
    const stored = await getDb().select({ key: loginThrottle.key }).from(loginThrottle).where(like(loginThrottle.key, "order:%"));
    expect(stored.map((row) => row.key).sort()).toEqual(["order:a1", "order:a2", "order:b1"]);
  });

  it("a body that throws leaves nothing written, and the next transaction starts clean", async () => {
    const failure = runInTransaction(async (tx) => {
      await tx.insert(loginThrottle).values(counter("rollback:1"));
      throw new Error("unexpected");
    });
    await expect(failure).rejects.toThrow("unexpected");
    expect(getDb().$client.inTransaction).toBe(false);
    expect(await getDb().select().from(loginThrottle).where(eq(loginThrottle.key, "rollback:1"))).toEqual([]);
    await runInTransaction(async (tx) => {
      await tx.insert(loginThrottle).values(counter("rollback:2"));
    });
    expect(await getDb().select({ key: loginThrottle.key }).from(loginThrottle).where(eq(loginThrottle.key, "rollback:2"))).toEqual([{ key: "rollback:2" }]);
  });

  it("a cached read made while a transaction was open is not served after that transaction rolls back", async () => {
    // Read around the cache, so that the read below is the cache's first.
    const before = (await getDb().select({ code: bodies.code }).from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.code))).map((body) => body.code);
    let readDuring: string[] = [];
    const rolledBack = runInTransaction(async (tx) => {
      await tx.insert(bodies).values({ code: "UNCOMMITTED", shortNameEn: "Draft", nameEn: "A body never committed", nameZh: "未提交" });
      await nextTurn();
      throw new Error("unexpected");
    });
    // Runs while the body waits: the shared connection shows the uncommitted row.
    await new Promise((resolve) => setTimeout(resolve, 2));
    readDuring = (await listBodies()).map((body) => body.code);
    await expect(rolledBack).rejects.toThrow("unexpected");
    expect(readDuring).toContain("UNCOMMITTED");
    expect((await listBodies()).map((body) => body.code)).toEqual(before);
  });
});
