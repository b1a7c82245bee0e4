import { afterEach, describe, expect, it } from "vitest";
import { databasePoolSize, openPostgres, redactDatabaseUrl } from "@/db/postgres";

const configured = process.env.DATABASE_POOL_SIZE;
afterEach(() => {
  if (configured === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = configured;
});

describe("openPostgres", () => {
  it("fails at once, password hidden, on a URL that is not postgres://", () => {
    expect(() => openPostgres("mysql://ceb:s3cret@db.example.org/ceb")).toThrow(
      'DATABASE_URL must start with postgres:// or postgresql://, got "mysql://ceb:***@db.example.org/ceb"',
    );
    expect(() => openPostgres("db.example.org/ceb")).toThrow(/DATABASE_URL is not a URL/);
  });

  it("sizes its pool by DATABASE_POOL_SIZE, 10 when unset", async () => {
    delete process.env.DATABASE_POOL_SIZE;
    const standard = openPostgres("postgres://ceb@localhost/ceb");
    expect(standard.$client.options.max).toBe(10);
    process.env.DATABASE_POOL_SIZE = "3";
    const small = openPostgres("postgresql://ceb@localhost/ceb");
    expect(small.$client.options.max).toBe(3);
    await Promise.all([standard.$client.end(), small.$client.end()]);
  });

  it("refuses a pool size that is not a whole positive number", () => {
    process.env.DATABASE_POOL_SIZE = "0";
    expect(() => databasePoolSize()).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
    process.env.DATABASE_POOL_SIZE = "ten";
    expect(() => openPostgres("postgres://ceb@localhost/ceb")).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
  });

  it("hides only the password of a URL", () => {
    expect(redactDatabaseUrl("postgres://ceb:p@ss:word@host:5432/ceb")).toBe("postgres://ceb:***@host:5432/ceb");
    expect(redactDatabaseUrl("postgres://ceb@host/ceb")).toBe("postgres://ceb@host/ceb");
  });
});
