/**
 * npm run db:backup -- --out FILE
 *
 * A consistent copy of the database that DATABASE_PATH names, taken with SQLite's online backup
 * API (better-sqlite3's `db.backup()`) while the server goes on serving and writing: the copy is
 * the database as of one moment. It is written beside FILE first and renamed into place once
 * checked (`PRAGMA integrity_check`), so FILE is never a half-written backup.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { databaseDialect } from "../dialect";
import { databasePath } from "../index";
import { integrityProblems, tableFingerprints } from "../fingerprint";

async function main() {
  if (databaseDialect() === "postgres") {
    throw new Error(
      "db:backup copies a SQLite file. DATABASE_URL names a PostgreSQL database: use pg_dump --format=custom (see the README, Deploying beyond one machine).",
    );
  }
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  if (!values.out) throw new Error("Usage: npm run db:backup -- --out FILE");
  const source = databasePath();
  if (!fs.existsSync(source)) throw new Error(`No database at ${source} (DATABASE_PATH).`);
  const out = path.resolve(values.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial-${process.pid}`;

  const started = Date.now();
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    // All pages in one step: one read transaction, so writers (which WAL lets go on) cannot make
    // the copy restart, and the copy is one moment of the database.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }

  const copy = new Database(partial, { fileMustExist: true });
  const problems = integrityProblems(copy);
  const tables = tableFingerprints(copy);
  copy.close();
  if (problems.length) {
    fs.rmSync(partial, { force: true });
    throw new Error(`The backup failed its integrity check: ${problems.join("; ")}`);
  }
  fs.renameSync(partial, out);

  const rows = Object.entries(tables).map(([name, { rows }]) => `${name} ${rows}`);
  console.log(`Backed up ${source} to ${out} in ${Date.now() - started} ms (${fs.statSync(out).size} bytes, integrity ok).`);
  console.log(`Rows: ${rows.join(", ")}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
