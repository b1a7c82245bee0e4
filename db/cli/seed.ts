import { closeDb, databasePath, getDb } from "../index";
import { migrateDatabase } from "../migrate";
import { loadReportSeed } from "../seed/load";
import { reportSeed } from "../seed/report-e-2022-13";

// Safe to run any number of times: only rows that are missing are added.
const db = getDb();
migrateDatabase(db);
const result = loadReportSeed(db, reportSeed);
console.log(`Seeded ${databasePath()}: ${result.workstreams} workstreams, ${result.milestones} milestones, ${result.bodies} bodies added`);
closeDb();
