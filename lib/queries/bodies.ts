import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { bodies, type Body } from "@/db/schema";
import { cachedRead } from "./cache";

function readListBodies(): Body[] {
  return getDb().select().from(bodies).orderBy(asc(bodies.sortOrder), asc(bodies.code)).all();
}

/** A body and every body below it (HLCM includes its networks); null when the code is unknown. */
export function bodyScope(code: string, all: Body[] = listBodies()): string[] | null {
  if (!all.some((body) => body.code === code)) return null;
  const scope = [code];
  for (let i = 0; i < scope.length; i++) {
    for (const body of all) if (body.parentCode === scope[i] && !scope.includes(body.code)) scope.push(body.code);
  }
  return scope;
}

// Cached between requests, invalidated by the commands (docs/decisions/007-read-cache.md).
export const listBodies = cachedRead("listBodies", ["workstreams"], readListBodies);
