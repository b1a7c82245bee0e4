import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { workstreams } from "@/db/schema";

export function databaseHealth(): { status: "ok"; workstreams: number } {
  const row = getDb().select({ n: count() }).from(workstreams).get();
  return { status: "ok", workstreams: row?.n ?? 0 };
}
