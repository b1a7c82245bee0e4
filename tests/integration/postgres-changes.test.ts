import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DataChanges, listenForDataChanges } from "@/db/postgres-changes.mjs";
import { setupPostgresTestDatabase } from "../setup/postgres";

const database = setupPostgresTestDatabase();
let changes: DataChanges;

/** Waits until `check` holds, up to two seconds (a notice arrives milliseconds after its commit). */
async function eventually(check: () => boolean) {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a change notice");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

beforeAll(async () => {
  changes = listenForDataChanges(database.url());
  await changes.ready;
});
afterAll(() => changes.close());

describe("change notices across processes (PostgreSQL)", () => {
  it("moves the version when another connection commits, and only then", async () => {
    const before = changes.version();
    expect(changes.version()).toBe(before);
    await database.db().execute(sql`insert into bodies (code, short_name_en, name_en, name_zh) values ('TEST1', 'Test', 'Test body', '测试机构')`);
    await eventually(() => changes.version() > before);

    // A transaction that rolls back sends nothing; the commit after it does.
    await settle();
    const afterInsert = changes.version();
    await expect(
      database.db().transaction(async (tx) => {
        await tx.execute(sql`insert into bodies (code, short_name_en, name_en, name_zh) values ('TEST2', 'Back', 'Rolled back', '回滚')`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await settle();
    expect(changes.version()).toBe(afterInsert);
  });

  it("moves the actor version for users and tokens, not for other tables", async () => {
    await settle();
    const actor = changes.actorVersion();
    const all = changes.version();
    await database.db().execute(sql`update bodies set name_en = 'Test body, renamed' where code = 'TEST1'`);
    await eventually(() => changes.version() > all);
    expect(changes.actorVersion()).toBe(actor);
    await database.db().execute(sql`insert into users (id, name, email, email_verified) values ('u-notice', 'Notice', 'notice@example.org', false)`);
    await eventually(() => changes.actorVersion() > actor);
  });

  it("bypasses caches while the listening connection is down and resumes by itself", async () => {
    await database
      .db()
      .execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN ceb_data_changed' and datname = current_database()`);
    // Down: every read gives a new number, so no cache entry matches.
    await eventually(() => changes.version() !== changes.version());
    // Back within the reconnect delay, and steady again.
    await eventually(() => changes.version() === changes.version());
    const steady = changes.version();
    await database.db().execute(sql`update bodies set name_en = 'Test body, renamed again' where code = 'TEST1'`);
    await eventually(() => changes.version() > steady);
  });
});
