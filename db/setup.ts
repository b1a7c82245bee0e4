import type { AppDatabase } from "./index";
import { migrateDatabase } from "./migrate";
import { isDatabaseEmpty, loadReportSeed, type SeedResult } from "./seed/load";
import { reportSeed } from "./seed/report-e-2022-13";

/**
 * What every start does: apply pending migrations, then seed the report when the database
 * has no workstreams yet. Returns what was seeded, or null when the database had data.
 */
export function prepareDatabase(db: AppDatabase): SeedResult | null {
  migrateDatabase(db);
  if (!isDatabaseEmpty(db)) return null;
  return loadReportSeed(db, reportSeed);
}
