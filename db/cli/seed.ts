import { describeDatabase } from "../describe";
import { databaseDialect } from "../dialect";
import { closeDb, getDb } from "../index";
import { migrateDatabase } from "../migrate";
import { loadReportSeed } from "../seed/load";
import { reportSeed } from "../seed/report-e-2022-13";
import { prepareCurrentDatabase } from "../start";

async function main() {
  if (databaseDialect() === "postgres") {
    // PostgreSQL is seeded whole, into an empty database (the seed is built on SQLite and copied).
    const result = await prepareCurrentDatabase();
    console.log(
      result
        ? `Seeded ${describeDatabase()}: ${result.workstreams} workstreams, ${result.milestones} milestones, ${result.bodies} bodies`
        : `${describeDatabase()} already holds workstreams: nothing seeded`,
    );
  } else {
    // Safe to run any number of times: only rows that are missing are added.
    const db = getDb();
    migrateDatabase(db);
    const result = loadReportSeed(db, reportSeed);
    console.log(`Seeded ${describeDatabase()}: ${result.workstreams} workstreams, ${result.milestones} milestones, ${result.bodies} bodies added`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(closeDb);
