import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** The database answers a query. Says nothing else: the health check is public. */
export function databaseHealth(): { status: "ok" } {
  getDb().get(sql`select 1`);
  return { status: "ok" };
}
