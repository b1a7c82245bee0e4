import { describeDatabase } from "../describe";
import { closeDb } from "../index";
import { migrateCurrentDatabase } from "../start";

await migrateCurrentDatabase();
console.log(`Migrated ${describeDatabase()}`);
await closeDb();
