/** Start-up work for the Node.js server: migrate, seed an empty database, prepare demo accounts. */
import { describeDatabase } from "./db/describe";
import { databaseDialect } from "./db/dialect";
import { databasePath } from "./db/index";
import { SOURCE_REPORT } from "./db/seed/source-report";
import { writeServerLock } from "./db/server-lock";
import { prepareCurrentDatabase } from "./db/start";
import { prepareDemoAccounts } from "./lib/commands/users";
import { trustedHops } from "./lib/http/client-address";
import { installPeerAddressHook } from "./lib/http/peer-address-hook";

// Every request learns its socket's address (for the sign-in throttle); a bad TRUST_PROXY stops
// the start rather than trusting the wrong addresses.
installPeerAddressHook();
try {
  trustedHops(process.env.TRUST_PROXY);
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// SEED=0 serves a migrated, empty tracker (never seeded), e.g. to read the report into it.
let seeded: Awaited<ReturnType<typeof prepareCurrentDatabase>>;
try {
  seeded = await prepareCurrentDatabase({ seed: process.env.SEED !== "0" });
} catch (error) {
  console.error(`\nCannot prepare the database at ${describeDatabase()}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
// While this server runs, `npm run db:restore` refuses to replace its SQLite file.
if (databaseDialect() === "sqlite") writeServerLock(databasePath());
if (seeded) {
  console.log(
    `Database ${describeDatabase()} was empty: seeded ${seeded.workstreams} workstreams and ${seeded.milestones} milestones from ${SOURCE_REPORT.symbol}.`,
  );
}

try {
  const demo = await prepareDemoAccounts();
  if (demo.length) {
    console.log("\nDemo accounts, one per role (shown once; set DEMO=0 for a real deployment):");
    for (const account of demo) console.log(`  ${account.role.padEnd(6)}  ${account.email}  password: ${account.password}`);
    console.log("");
  }
} catch (error) {
  // DEMO=0 with demo accounts left: refuse to start at all rather than serve errors.
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
