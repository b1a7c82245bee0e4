/** Runs once when the server starts: migrate, seed an empty database, prepare demo accounts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, databasePath } = await import("./db/index");
  const { prepareDatabase } = await import("./db/setup");
  const seeded = prepareDatabase(getDb());
  if (seeded) {
    console.log(
      `Database ${databasePath()} was empty: seeded ${seeded.workstreams} workstreams and ${seeded.milestones} milestones from E/2022/13.`,
    );
  }
  const { prepareDemoAccounts } = await import("./lib/commands/users");
  let demo: Awaited<ReturnType<typeof prepareDemoAccounts>>;
  try {
    demo = await prepareDemoAccounts();
  } catch (error) {
    // DEMO=0 with demo accounts left: refuse to start at all rather than serve errors.
    console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (demo.length) {
    console.log("\nDemo accounts, one per role (shown once; set DEMO=0 for a real deployment):");
    for (const account of demo) console.log(`  ${account.role.padEnd(6)}  ${account.email}  password: ${account.password}`);
    console.log("");
  }
}
