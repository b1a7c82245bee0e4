import { defineConfig } from "vitest/config";
import base from "./vitest.reliability.config";

/**
 * The second half of `npm run test:reliability`: the API suite (permission matrix, fuzz,
 * concurrent writers, sign-in throttle) again, on a database of a throwaway PostgreSQL cluster
 * (tests/setup/postgres.ts), so that both databases pass it. durability.reliability.ts stays on
 * SQLite only: it checks SQLite's integrity_check, its backup and restore and the server's lock
 * file, none of which PostgreSQL has. multi-process.reliability.ts runs on PostgreSQL already.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/reliability/api.reliability.ts"],
    env: { ...base.test?.env, TEST_DIALECT: "postgres" },
  },
});
