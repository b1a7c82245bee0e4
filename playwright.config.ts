import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
export const E2E_DATABASE = path.resolve("e2e/.artifacts/e2e.sqlite");
/** E2E_SEED=0: the server starts on an empty tracker and only the specs written for one run (ingest). */
const EMPTY_TRACKER = process.env.E2E_SEED === "0";
const EMPTY_TRACKER_SPECS = /ingest\.spec\.ts/;

/** Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium), else Playwright's own browser. */
function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean) as string[];
  return candidates.find((candidate) => fs.existsSync(candidate));
}

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.artifacts/results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  // A signed-in page can take several seconds on a busy machine (password hashing, first renders).
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { outputFolder: "e2e/.artifacts/report", open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      dependencies: ["setup"],
      // Reading needs an account by default: tests read as the viewer unless they say otherwise.
      use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 900 }, storageState: "e2e/.artifacts/auth/viewer.json" },
      ...(EMPTY_TRACKER ? { testMatch: EMPTY_TRACKER_SPECS } : { testIgnore: EMPTY_TRACKER_SPECS }),
    },
  ],
  webServer: {
    // The built app on a fresh database: the server migrates and seeds it on start (not with E2E_SEED=0).
    command: `node e2e/serve.mjs`,
    url: `${baseURL}/api/health`,
    // The build (skipped when .next is current, scripts/build-once.mjs) can take minutes on a busy machine.
    timeout: 900_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { DATABASE_PATH: E2E_DATABASE, PORT: String(PORT), SEED: EMPTY_TRACKER ? "0" : "1" },
  },
});
