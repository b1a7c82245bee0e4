import fs from "node:fs";
import os from "node:os";

/**
 * A running server says so beside its database: `<DATABASE_PATH>.server-lock` holds its process
 * id and host, written on start and removed on exit. `npm run db:restore` refuses while the file
 * names a live process (a restore would pull the database from under it); a file left by a
 * server that was killed (SIGKILL, power loss) names a dead process and is ignored. A lock from
 * another host cannot be checked, so it is honoured until removed by hand.
 */
export type ServerLock = { pid: number; host: string; startedAt: string };

export const serverLockFile = (databaseFile: string) => `${databaseFile}.server-lock`;

export function writeServerLock(databaseFile: string): void {
  const file = serverLockFile(databaseFile);
  const lock: ServerLock = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeFileSync(file, JSON.stringify(lock));
  process.on("exit", () => {
    // Only our own lock: another server may have started on the file since.
    if (readServerLock(databaseFile)?.pid === process.pid) fs.rmSync(file, { force: true });
  });
}

export function readServerLock(databaseFile: string): ServerLock | null {
  try {
    return JSON.parse(fs.readFileSync(serverLockFile(databaseFile), "utf8")) as ServerLock;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The server that holds the database now, or null when none does. */
export function runningServer(databaseFile: string): ServerLock | null {
  const lock = readServerLock(databaseFile);
  if (!lock) return null;
  if (lock.host !== os.hostname()) return lock;
  return isAlive(lock.pid) ? lock : null;
}
