/** Which database this process runs on: PostgreSQL when `DATABASE_URL` names one, else SQLite. */
export type DatabaseDialect = "sqlite" | "postgres";

/**
 * The one place the database is chosen. `DATABASE_URL=postgres://…` (or postgresql://) selects
 * PostgreSQL; unset or empty, the SQLite file at `DATABASE_PATH` is used. Any other URL is a
 * configuration mistake and stops the process with a message rather than falling back silently.
 */
export function databaseDialect(): DatabaseDialect {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL (it starts with "${url.split(":")[0]}:"); leave it unset to use SQLite at DATABASE_PATH.`,
  );
}
