import { closeDb, databasePath, getDb } from "../index";
import { migrateDatabase } from "../migrate";

migrateDatabase(getDb());
console.log(`Migrated ${databasePath()}`);
closeDb();
