/** Removes the demo accounts that `npm start` creates, before a real deployment (DEMO=0). */
import { closeDb, databasePath, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { removeDemoAccounts } from "@/lib/commands/users";

async function main() {
  migrateDatabase(getDb());
  console.log(`Removed ${await removeDemoAccounts()} demo account(s) from ${databasePath()}`);
  closeDb();
}

void main();
