import { databasePath } from "./index";
import { databaseDialect } from "./dialect";
import { redactDatabaseUrl } from "./postgres";

/** Where the data lives, for messages: the SQLite file, or the PostgreSQL URL with its password hidden. */
export function describeDatabase(): string {
  return databaseDialect() === "postgres" ? redactDatabaseUrl(process.env.DATABASE_URL!.trim()) : databasePath();
}
