/** Removes the demo accounts that `npm start` creates, before a real deployment (DEMO=0). */
import { closeDb } from "@/db";
import { migrateCurrentDatabase } from "@/db/start";
import { describeDatabase } from "@/db/describe";
import { removeDemoAccounts } from "@/lib/commands/users";

async function main() {
  await migrateCurrentDatabase();
  console.log(`Removed ${await removeDemoAccounts()} demo account(s) from ${describeDatabase()}`);
  await closeDb();
}

void main();
