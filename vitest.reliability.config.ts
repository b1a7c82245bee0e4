import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:reliability`: the suites in tests/reliability against the built server (the
 * script builds first, unless .next is current: scripts/build-once.mjs). One file at a time,
 * each with its own server and fresh database on ports from 3210 (RELIABILITY_PORT). The
 * multi-process file runs on a throwaway PostgreSQL cluster, started when it asks and stopped
 * at the end of the run (tests/setup/postgres-global.ts).
 */
export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["tests/reliability/**/*.reliability.ts"],
    environment: "node",
    setupFiles: ["./tests/setup/server-only.ts"],
    globalSetup: ["./tests/setup/postgres-global.ts"],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    reporters: ["default"],
  },
});
