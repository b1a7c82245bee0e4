import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, type Body } from "@/db/schema";
import { cachedRead } from "./cache";

async function readListBodies(): Promise<Body[]> {
  return await getDb().select().from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.code));
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const listBodies = cachedRead("listBodies", ["workstreams"], readListBodies);
