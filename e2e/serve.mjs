// Builds the app and serves it on a fresh database for the end-to-end tests.
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const database = process.env.DATABASE_PATH;
if (!database) throw new Error("DATABASE_PATH must be set for the end-to-end server");
fs.mkdirSync(path.dirname(database), { recursive: true });
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(database + suffix, { force: true });

execSync("npx next build", { stdio: "inherit" });
const server = spawn("npx", ["next", "start", "-p", process.env.PORT ?? "3100", "-H", "127.0.0.1"], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
