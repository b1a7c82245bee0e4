import { databaseRuntime } from "./index";
import { migrateDatabase } from "./migrate";
import { migratePostgres } from "./postgres";
import { preparePostgresDatabase } from "./postgres-setup";
import type { SeedResult } from "./seed/load";
import { prepareDatabase } from "./setup";

/**
 * What a server or a script does first, on whichever database this process uses: apply pending
 * migrations and, unless `seed` is false, seed the report into an empty database.
 */
export async function prepareCurrentDatabase(options: { seed?: boolean } = {}): Promise<SeedResult | null> {
  const runtime = databaseRuntime();
  return runtime.dialect === "postgres" ? preparePostgresDatabase(runtime.postgres, options) : prepareDatabase(runtime.db, options);
}

/** Applies pending migrations to the database this process uses. */
export async function migrateCurrentDatabase(): Promise<void> {
  const runtime = databaseRuntime();
  if (runtime.dialect === "postgres") await migratePostgres(runtime.postgres);
  else migrateDatabase(runtime.db);
}
