import { describeDatabase } from "../describe";
import { closeDb } from "../index";
import { migrateCurrentDatabase } from "../start";

async function main() {
  await migrateCurrentDatabase();
  console.log(`Migrated ${describeDatabase()}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  })
  .finally(closeDb);
