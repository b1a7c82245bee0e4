import type { AppDatabase } from "./index";
import { migrateDatabase } from "./migrate";
import { isDatabaseEmpty, loadReportSeed, type SeedResult } from "./seed/load";
import { reportSeed } from "./seed/report-e-2022-13";

/**
 * What every start does: apply pending migrations, then seed the report when the database
 * has no workstreams yet (unless `seed` is false: SEED=0 serves an empty tracker, e.g. to read
 * the report into it). Returns what was seeded, or null when nothing was.
 */
export function prepareDatabase(db: AppDatabase, options: { seed?: boolean } = {}): SeedResult | null {
  migrateDatabase(db);
  if (options.seed === false || !isDatabaseEmpty(db)) return null;
  return loadReportSeed(db, reportSeed);
}
