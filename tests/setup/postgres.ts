import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { migratePostgres, openPostgres, type PostgresDatabase } from "@/db/postgres";
import { createDatabaseFromTemplate, createTemplate, dropDatabase, type RunningServer, sharedServer, startCluster } from "./postgres-cluster";

/** The run's server: TEST_DATABASE_URL when set, else a throwaway cluster; either way with a migrated template. */
function runServer(): Promise<RunningServer> {
  const stateDir = inject("postgresStateDir");
  if (!stateDir) throw new Error("tests/setup/postgres-global.ts is missing from this vitest config's globalSetup");
  return sharedServer(stateDir, async () => {
    const external = process.env.TEST_DATABASE_URL?.trim();
    const { adminUrl, dataDir } = external ? { adminUrl: external, dataDir: undefined } : startCluster(stateDir);
    // On a shared server each run has its own template.
    const template = `ceb_template_${randomBytes(6).toString("hex")}`;
    await createTemplate(adminUrl, template, async (url) => {
      const db = openPostgres(url);
      try {
        await migratePostgres(db);
      } finally {
        await db.$client.end();
      }
    });
    return { adminUrl, template, dataDir };
  });
}

/**
 * Gives the calling test file its own PostgreSQL database, migrated (a copy of the run's template),
 * dropped afterwards. `url()` is its connection URL, `db()` a drizzle database over a pool on it.
 */
export function setupPostgresTestDatabase() {
  let server: RunningServer | undefined;
  let database: PostgresDatabase | undefined;
  let url = "";
  const name = `ceb_test_${randomBytes(6).toString("hex")}`;
  beforeAll(async () => {
    server = await runServer();
    url = await createDatabaseFromTemplate(server, name);
    database = openPostgres(url);
  }, 180_000);
  const more: string[] = [];
  afterAll(async () => {
    await database?.$client.end();
    if (server) for (const database of [name, ...more]) await dropDatabase(server.adminUrl, database);
  });
  return {
    db: () => database!,
    url: () => url,
    /** The server's maintenance URL, to create further databases (e.g. an empty one). */
    adminUrl: () => server!.adminUrl,
    /** Another migrated database for this file, dropped with the first; returns its URL. */
    anotherDatabase: async () => {
      const another = `${name}_${more.length + 1}`;
      more.push(another);
      return createDatabaseFromTemplate(server!, another);
    },
  };
}
