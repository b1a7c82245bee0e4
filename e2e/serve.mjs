// Builds the app and serves it on a fresh database for the end-to-end tests, with one account
// per role created through the same command line an administrator uses.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildOnce } from "../scripts/build-once.mjs";

const database = process.env.DATABASE_PATH;
if (!database) throw new Error("DATABASE_PATH must be set for the end-to-end server");
fs.mkdirSync(path.dirname(database), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });

const password = "e2e password for tests only";
const accounts = [
  ["admin@e2e.test", "admin", []],
  ["editor@e2e.test", "editor", ["--all-workstreams"]],
  ["viewer@e2e.test", "viewer", []],
];

// E2E_SKIP_BUILD=1 serves whatever build is in .next; otherwise build unless .next was built from these sources.
if (process.env.E2E_SKIP_BUILD !== "1") buildOnce();
for (const [email, role, extra] of accounts) {
  execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", email, "--role", role, "--password-stdin", ...extra], {
    input: password,
    stdio: ["pipe", "inherit", "inherit"],
  });
}
const server = spawn("node", ["scripts/next-start.mjs"], {
  stdio: "inherit",
  env: { ...process.env, PORT: process.env.PORT ?? "3100", HOSTNAME: "127.0.0.1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
