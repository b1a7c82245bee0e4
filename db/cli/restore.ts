/**
 * npm run db:restore -- --from FILE
 *
 * Replaces the database that DATABASE_PATH names with a backup made by `npm run db:backup`.
 * Refused while a server uses the database: every server writes `<DATABASE_PATH>.server-lock`
 * (its process id and host) on start and removes it on exit, and the restore will not go on
 * while that file names a live process (db/server-lock.ts). Stop the server, restore, start it.
 *
 * The backup is checked first (`PRAGMA integrity_check`), copied beside the database and renamed
 * over it, so the database is either the old one or the whole backup. The database it replaces
 * is kept as `<DATABASE_PATH>.before-restore`.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseDialect } from "../dialect";
import { databasePath } from "../index";
import { integrityProblems, tableFingerprints } from "../fingerprint";
import { runningServer, serverLockFile } from "../server-lock";

function main() {
  if (databaseDialect() === "postgres") {
    throw new Error(
      "db:restore replaces a SQLite file. DATABASE_URL names a PostgreSQL database: use pg_restore (see the README, Deploying beyond one machine).",
    );
  }
  const { values } = parseArgs({ options: { from: { type: "string" } } });
  if (!values.from) throw new Error("Usage: npm run db:restore -- --from FILE");
  const from = path.resolve(values.from);
  const target = databasePath();
  if (!fs.existsSync(from)) throw new Error(`No backup at ${from}.`);

  const server = runningServer(target);
  if (server) {
    throw new Error(
      `Refusing to restore: a server (process ${server.pid} on ${server.host}, started ${server.startedAt}) is using ${target}. ` +
        `Stop it first. (If it is gone, remove ${serverLockFile(target)}.)`,
    );
  }

  const backup = new Database(from, { readonly: true, fileMustExist: true });
  const problems = integrityProblems(backup);
  const tables = tableFingerprints(backup);
  backup.close();
  if (problems.length) throw new Error(`The backup ${from} failed its integrity check: ${problems.join("; ")}`);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restore-${process.pid}`;
  fs.copyFileSync(from, incoming);
  const handle = fs.openSync(incoming, "r+");
  fs.fsyncSync(handle);
  fs.closeSync(handle);
  // The old database's write-ahead log belongs to it, not to the backup.
  if (fs.existsSync(target)) {
    const keep = new Database(target);
    keep.pragma("wal_checkpoint(TRUNCATE)");
    keep.close();
    fs.copyFileSync(target, `${target}.before-restore`);
  }
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);

  const rows = Object.entries(tables).map(([name, { rows }]) => `${name} ${rows}`);
  console.log(
    `Restored ${target} from ${from} (integrity ok).${fs.existsSync(`${target}.before-restore`) ? ` The database it replaced is kept as ${target}.before-restore.` : ""}`,
  );
  console.log(`Rows: ${rows.join(", ")}`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
