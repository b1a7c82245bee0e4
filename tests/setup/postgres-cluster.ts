/**
 * A throwaway PostgreSQL server for tests: its binaries, a cluster started in a temporary folder
 * and stopped afterwards, and a migrated template that each test file's database is copied from.
 * Shared by the vitest global setup (which stops it) and tests/setup/postgres.ts (which starts it
 * the first time a test file asks, so runs without PostgreSQL tests pay nothing).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const BINARY_ROOT = "/usr/lib/postgresql";
const NEEDED = ["initdb", "pg_ctl", "postgres"];

/** The bin folder of the newest PostgreSQL server installed, e.g. /usr/lib/postgresql/15/bin. */
export function findPostgresBinaries(root = BINARY_ROOT): string {
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, "bin")).find((bin) => NEEDED.every((name) => fs.existsSync(path.join(bin, name))));
  if (!found) {
    throw new Error(
      `The PostgreSQL tests need a PostgreSQL server (${NEEDED.join(", ")} under ${root}/*/bin) and none is installed. ` +
        "Install it with `apt-get install -y postgresql-15` (Debian/Ubuntu), or set TEST_DATABASE_URL to a PostgreSQL server where the tests may create databases.",
    );
  }
  return found;
}

const NO_POSTGRES_USER =
  "Running as root: PostgreSQL refuses root and there is no `postgres` user to run it as (`apt-get install -y postgresql-15` creates one), or set TEST_DATABASE_URL.";

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(NO_POSTGRES_USER);
  }
}

/** Runs a server binary; as root through the `postgres` user, since initdb and postgres refuse root. */
function runServerBinary(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, commandArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", binary, ...args]] : [binary, args];
  try {
    execFileSync(command, commandArgs, { stdio: "pipe" });
  } catch (error) {
    const output = error instanceof Error && "stderr" in error ? String((error as { stderr: Buffer }).stderr) : "";
    throw new Error(`${path.basename(binary)} ${args.join(" ")} failed: ${output || String(error)}`);
  }
}

export type RunningServer = { adminUrl: string; template: string; dataDir?: string };

export const urlWithDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/**
 * Starts a cluster in `<stateDir>/cluster`, listening only on a Unix socket in that folder.
 * `settings` are further postgresql.conf lines (the HTTP benchmark's shared_buffers).
 */
export function startCluster(stateDir: string, settings: string[] = []): { adminUrl: string; dataDir: string } {
  const bin = findPostgresBinaries();
  const dataDir = path.join(stateDir, "cluster");
  fs.mkdirSync(dataDir, { mode: 0o700 });
  if (process.getuid?.() === 0) {
    // The server runs as `postgres`: it owns its folder and may pass through the one above.
    const { uid, gid } = postgresUser();
    fs.chownSync(dataDir, uid, gid);
    fs.chmodSync(stateDir, 0o711);
  }
  // Collation C sorts text by bytes like SQLite's BINARY; ctype C.UTF-8 lets lower() and pg_trgm
  // treat non-ASCII letters as letters.
  runServerBinary(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--lc-collate=C",
    "--lc-ctype=C.UTF-8",
    "--no-sync",
  ]);
  fs.appendFileSync(
    path.join(dataDir, "postgresql.conf"),
    [
      "",
      "# Throwaway test cluster: nothing here needs to survive a crash.",
      "fsync = off",
      "synchronous_commit = off",
      "full_page_writes = off",
      "listen_addresses = ''",
      `unix_socket_directories = '${dataDir}'`,
      "max_connections = 200",
      ...settings,
      "",
    ].join("\n"),
  );
  runServerBinary(path.join(bin, "pg_ctl"), ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-t", "60", "start"]);
  return { adminUrl: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dataDir)}`, dataDir };
}

export function stopCluster(dataDir: string): void {
  if (!fs.existsSync(path.join(dataDir, "postmaster.pid"))) return;
  runServerBinary(path.join(findPostgresBinaries(), "pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
}

async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `template` afresh and runs `migrate` on it; test databases are then copies of it. */
export async function createTemplate(adminUrl: string, template: string, migrate: (url: string) => Promise<void>): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${template}"`);
  });
  await migrate(urlWithDatabase(adminUrl, template));
}

/** A new database copied from the template (a file copy: far faster than migrating). */
export async function createDatabaseFromTemplate(server: RunningServer, name: string): Promise<string> {
  await withAdmin(server.adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${server.template}"`);
        return;
      } catch (error) {
        // 55006: another file's copy still holds the template for a moment.
        if ((error as { code?: string }).code !== "55006" || attempt === 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
  return urlWithDatabase(server.adminUrl, name);
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const READY = "postgres.json";
const FAILED = "postgres.failed";

/**
 * The server of this test run, started (or, with TEST_DATABASE_URL, prepared) by the first test
 * file that asks; the others, in other workers, wait for it. A folder created with mkdir is the
 * lock, since only one process can create it.
 */
export async function sharedServer(stateDir: string, start: () => Promise<RunningServer>): Promise<RunningServer> {
  const ready = path.join(stateDir, READY);
  const failed = path.join(stateDir, FAILED);
  let owner = false;
  try {
    fs.mkdirSync(path.join(stateDir, "lock"));
    owner = true;
  } catch {
    // Another worker is starting it.
  }
  if (owner) {
    try {
      const server = await start();
      fs.writeFileSync(ready, JSON.stringify(server));
      return server;
    } catch (error) {
      fs.writeFileSync(failed, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, "utf8")) as RunningServer;
    if (fs.existsSync(failed)) throw new Error(fs.readFileSync(failed, "utf8"));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The test PostgreSQL server in ${stateDir} did not start within 3 minutes`);
}

/** What the run's server left to clean: the cluster stopped, or the template dropped. */
export async function stopSharedServer(stateDir: string): Promise<void> {
  const ready = path.join(stateDir, READY);
  if (fs.existsSync(ready)) {
    const server = JSON.parse(fs.readFileSync(ready, "utf8")) as RunningServer;
    if (server.dataDir) stopCluster(server.dataDir);
    else await dropDatabase(server.adminUrl, server.template);
  } else if (fs.existsSync(path.join(stateDir, "cluster"))) {
    stopCluster(path.join(stateDir, "cluster"));
  }
  fs.rmSync(stateDir, { recursive: true, force: true });
}
