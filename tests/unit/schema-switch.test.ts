import { is, Relations, Table } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as sqlite from "@/db/schema/sqlite";

const original = process.env.DATABASE_URL;
afterEach(() => {
  if (original === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = original;
  vi.resetModules();
});

/** `@/db/schema` as a process started with this DATABASE_URL sees it. */
async function schemaWith(url: string | undefined) {
  if (url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = url;
  vi.resetModules();
  // The same module graph's own table objects, to compare by identity.
  const [schema, sqliteTables, postgresTables] = await Promise.all([import("@/db/schema"), import("@/db/schema/sqlite"), import("@/db/schema-pg")]);
  return { schema: schema as Record<string, unknown>, sqlite: sqliteTables as Record<string, unknown>, postgres: postgresTables as Record<string, unknown> };
}

const tableNames = Object.entries(sqlite)
  .filter(([, value]) => is(value, Table) || is(value, Relations))
  .map(([name]) => name);

describe("the tables a process uses follow DATABASE_URL", () => {
  it("hands out every SQLite table and relation without DATABASE_URL", async () => {
    const loaded = await schemaWith(undefined);
    expect(tableNames.length).toBeGreaterThan(20);
    for (const name of tableNames) expect(loaded.schema[name], name).toBe(loaded.sqlite[name]);
  });

  it("hands out the PostgreSQL mirror of every table and relation with a postgres:// URL", async () => {
    const loaded = await schemaWith("postgres://tracker@127.0.0.1/tracker");
    for (const name of tableNames) {
      expect(loaded.schema[name], name).toBe(loaded.postgres[name]);
      expect(loaded.schema[name], name).not.toBe(loaded.sqlite[name]);
    }
    // Enums and other shared values are the same on both.
    expect(loaded.schema.HISTORY_KINDS).toBe(loaded.sqlite.HISTORY_KINDS);
  });

  it("refuses a URL for any other database, naming the variable", async () => {
    await expect(schemaWith("mysql://tracker@127.0.0.1/tracker")).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });
});
