/**
 * Against the built server on a fresh database: a write storm killed with SIGKILL, then every
 * acknowledged write found after the restart, with `PRAGMA integrity_check` ok; then a backup
 * taken under write load (`npm run db:backup`), a restore refused while the server runs, and the
 * restore after it stops giving the backup's rows exactly (counts and hashes).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { integrityProblems, tableFingerprints } from "@/db/fingerprint";
import { readServerLock } from "@/db/server-lock";
import {
  BASE_PORT,
  createPrincipals,
  freshDirectory,
  type Principals,
  prepareFreshDatabase,
  report,
  request,
  type Server,
  startServer,
  stopServer,
} from "./harness";

const run = promisify(execFile);
const PORT = BASE_PORT + 1;
const WORKERS = 16;

let directory = "";
let database = "";
let server: Server | null = null;
let who: Principals;

beforeAll(async () => {
  directory = freshDirectory("durability");
  database = path.join(directory, "durability.sqlite");
  prepareFreshDatabase(database);
  who = await createPrincipals("data-cube");
  closeDb();
  server = await startServer(database, PORT);
}, 180_000);

afterAll(async () => {
  if (server) await stopServer(server);
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

type Acknowledged = { kind: "create"; id: number; title: string; at: number } | { kind: "change"; id: number; version: number; at: number };

/**
 * WORKERS clients writing as fast as the server answers until `stop()`: each creates milestones
 * and changes its latest one. Only answers that arrived (201 or 200) count as acknowledged.
 */
function storm(target: Server, tag: string) {
  const acknowledged: Acknowledged[] = [];
  let running = true;
  let failures = 0;
  const worker = async (n: number) => {
    let i = 0;
    let mine: { id: number; version: number } | null = null;
    while (running) {
      try {
        if (mine && i % 2) {
          const answer = await request(target, who.writeToken, "PATCH", `/api/milestones/${mine.id}`, {
            version: mine.version,
            note: `${tag} change ${n}.${i}`,
          });
          if (answer.status !== 200) throw new Error(`change answered ${answer.status}`);
          mine = { id: mine.id, version: (answer.body as { version: number }).version };
          acknowledged.push({ kind: "change", id: mine.id, version: mine.version, at: Date.now() });
        } else {
          const title = `${tag} ${n}.${i}`;
          const answer = await request(target, who.writeToken, "POST", "/api/workstreams/data-cube/milestones", { titleEn: title, date: "2024-06" });
          if (answer.status !== 201) throw new Error(`create answered ${answer.status}`);
          const body = answer.body as { id: number; version: number };
          mine = { id: body.id, version: body.version };
          acknowledged.push({ kind: "create", id: body.id, title, at: Date.now() });
        }
      } catch {
        // The server is gone (killed) or refused: this write was not acknowledged.
        failures++;
        if (!running) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      i++;
    }
  };
  const workers = Array.from({ length: WORKERS }, (_, n) => worker(n));
  return {
    acknowledged,
    failures: () => failures,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** Every acknowledged write, looked for in the database file itself. */
function missingWrites(file: string, acknowledged: Acknowledged[]): string[] {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const byId = sqlite.prepare("SELECT id, title_en AS title, version FROM milestones WHERE id = ?");
    const missing: string[] = [];
    for (const write of acknowledged) {
      const row = byId.get(write.id) as { id: number; title: string; version: number } | undefined;
      if (!row) missing.push(`milestone ${write.id} (${write.kind})`);
      else if (write.kind === "create" && row.title !== write.title) missing.push(`milestone ${write.id}: title ${row.title}, acknowledged ${write.title}`);
      else if (write.kind === "change" && row.version < write.version)
        missing.push(`milestone ${write.id}: version ${row.version}, acknowledged ${write.version}`);
    }
    return missing;
  } finally {
    sqlite.close();
  }
}

const countIn = (file: string, table: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
};

describe("a write storm killed with SIGKILL", () => {
  it("loses no acknowledged write, and the database passes its integrity check", async () => {
    const writes = storm(server!, "storm");
    const deadline = Date.now() + 30_000;
    while (writes.acknowledged.length < 300 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const killedAt = writes.acknowledged.length;
    await stopServer(server!, "SIGKILL");
    await writes.stop();
    const acknowledged = [...writes.acknowledged];
    expect(acknowledged.length).toBeGreaterThanOrEqual(killedAt);
    expect(acknowledged.length).toBeGreaterThan(50);
    // Killed, not stopped: its lock names a dead process.
    expect(readServerLock(database)).not.toBeNull();

    server = await startServer(database, PORT);
    const missing = missingWrites(database, acknowledged);
    expect(missing).toEqual([]);
    const sqlite = new Database(database, { readonly: true });
    const problems = integrityProblems(sqlite);
    sqlite.close();
    expect(problems).toEqual([]);
    // The restarted server serves what was written.
    const last = acknowledged.filter((write) => write.kind === "create").at(-1)!;
    expect((await request(server, who.readToken, "GET", `/api/milestones/${last.id}`)).status).toBe(200);
    const creates = acknowledged.filter((write) => write.kind === "create").length;
    report(
      `crash: ${WORKERS} writers, SIGKILL after ${acknowledged.length} acknowledged writes (${creates} creates, ${acknowledged.length - creates} changes; ${writes.failures()} cut off unanswered); after the restart ${acknowledged.length - missing.length} of ${acknowledged.length} found, integrity_check ok`,
    );
  }, 300_000);
});

describe("backup and restore", () => {
  it("backs up under write load, refuses to restore under a running server, restores to identical rows after it stops", async () => {
    const backupFile = path.join(directory, "backups", "online.sqlite");
    const writes = storm(server!, "backup");
    while (writes.acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 50));
    const startedAt = Date.now();
    const backup = await run("npm", ["run", "--silent", "db:backup", "--", "--out", backupFile], { env: { ...process.env, DATABASE_PATH: database } });
    const during = writes.acknowledged.filter((write) => write.at > startedAt).length;
    await writes.stop();
    expect(backup.stdout).toMatch(/integrity ok/);
    expect(during).toBeGreaterThan(0);

    // The copy is one moment of the database: whole, and with every write acknowledged before it began.
    const copy = new Database(backupFile, { readonly: true });
    expect(integrityProblems(copy)).toEqual([]);
    const backedUp = tableFingerprints(copy);
    const orphans = copy
      .prepare("SELECT count(*) AS n FROM milestones m WHERE NOT EXISTS (SELECT 1 FROM status_history h WHERE h.milestone_id = m.id)")
      .get() as { n: number };
    copy.close();
    expect(orphans.n).toBe(0);
    expect(
      missingWrites(
        backupFile,
        writes.acknowledged.filter((write) => write.at < startedAt),
      ),
    ).toEqual([]);

    // Not while the server runs.
    const refused = await run("npm", ["run", "--silent", "db:restore", "--", "--from", backupFile], { env: { ...process.env, DATABASE_PATH: database } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/Refusing to restore: a server \(process \d+/);
    expect(countIn(database, "milestones")).toBeGreaterThan(backedUp.milestones!.rows);

    await stopServer(server!);
    server = null;
    expect(readServerLock(database)).toBeNull();
    const restored = await run("npm", ["run", "--silent", "db:restore", "--", "--from", backupFile], { env: { ...process.env, DATABASE_PATH: database } });
    expect(restored.stdout).toMatch(/Restored/);
    const after = new Database(database, { readonly: true });
    const restoredTables = tableFingerprints(after);
    after.close();
    expect(restoredTables).toEqual(backedUp);

    server = await startServer(database, PORT);
    const milestones = (await request(server, who.readToken, "GET", "/api/milestones?pageSize=1")).body as { totalItems: number };
    expect(milestones.totalItems).toBeGreaterThan(0);
    const tables = Object.keys(backedUp).length;
    const rows = Object.values(backedUp).reduce((sum, table) => sum + table.rows, 0);
    report(
      `backup: taken while ${WORKERS} writers went on (${during} writes acknowledged during it); restore refused while the server ran; after it stopped, restored ${tables} tables / ${rows} rows with identical counts and SHA-256 hashes; the server starts on it`,
    );
  }, 300_000);
});
