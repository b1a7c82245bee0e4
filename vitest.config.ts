import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Report rendering (PDF, Word, fonts) takes seconds on a busy 2-core machine.
    testTimeout: 30_000,
    setupFiles: ["./tests/setup/server-only.ts"],
    // Stops the PostgreSQL test server if a test file started one (tests/setup/postgres.ts).
    globalSetup: ["./tests/setup/postgres-global.ts"],
    // next-intl's middleware imports "next/server" without an extension, which only a bundler
    // resolves; inlining it lets Vite resolve it for the proxy's tests.
    server: { deps: { inline: [/next-intl/] } },
  },
});
