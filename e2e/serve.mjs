// Builds the app and serves it on a fresh database for the end-to-end tests, with one account
// per role created through the same command line an administrator uses.
import { execFileSync, execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

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

// E2E_SKIP_BUILD=1 serves the build already in .next (on a busy machine the build alone can outlast the start-up timeout).
if (process.env.E2E_SKIP_BUILD !== "1") execSync("npx next build", { stdio: "inherit" });
for (const [email, role, extra] of accounts) {
  execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", email, "--role", role, "--password-stdin", ...extra], {
    input: password,
    stdio: ["pipe", "inherit", "inherit"],
  });
}
const server = spawn("npx", ["next", "start", "-p", process.env.PORT ?? "3100", "-H", "127.0.0.1"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
