import "server-only";
import { getDb } from "@/db";
import { databaseAnswers } from "./dialect";

/** The database answers a query. Says nothing else: the health check is public. */
export async function databaseHealth(): Promise<{ status: "ok" }> {
  await databaseAnswers(getDb());
  return { status: "ok" };
}
