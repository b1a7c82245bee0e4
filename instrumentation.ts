/** Runs once when the server starts: migrate, and seed an empty database. */
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
}
