import { defineConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * `npm run test:postgres`: the integration tests on PostgreSQL, with the same setup files,
 * global setup and timeouts as vitest.config.ts. db/schema chooses the PostgreSQL tables when it
 * is imported, from DATABASE_URL; each test file then gets its own database of the run's test
 * server (tests/setup/test-database.ts), whose URL replaces the placeholder below.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/integration/**/*.test.ts"],
    exclude: [
      ...(base.test?.exclude ?? []),
      // Upgrades a SQLite file written by older migrations.
      "tests/integration/migration-ongoing.test.ts",
      // Copy or compare a SQLite database with a PostgreSQL one, so they run on both already.
      "tests/integration/db-copy.test.ts",
      "tests/integration/postgres-*.test.ts",
      // The SQLite transaction queue: one shared connection, transactions one after another.
      "tests/integration/transaction.test.ts",
      // SQLite by nature: pragmas, the SQLite seed loader, the token cache's temporary triggers.
      "tests/integration/*-sqlite.test.ts",
    ],
    // A fixed signing key: on PostgreSQL none is generated beside a database file.
    env: {
      ...base.test?.env,
      TEST_DIALECT: "postgres",
      DATABASE_URL: "postgres://pending/pending",
      BETTER_AUTH_SECRET: "integration-tests-on-postgresql-0123456789",
    },
  },
});
