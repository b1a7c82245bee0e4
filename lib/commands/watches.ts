import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { workstreams, workstreamWatches } from "@/db/schema";
import { type Actor, requireUser } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { invalidateReads } from "@/lib/queries/cache";
import { parseInput } from "@/lib/validation/parse-or-throw";
import { watchSchema } from "@/lib/validation/watches";

/**
 * Puts a workstream on (or takes it off) the signed-in user's watch list. Any role may watch,
 * viewers included; a read-only token may not write. Idempotent. A watch is a personal
 * preference, not tracker content, so it appends no status history.
 */
export function setWatch(actor: Actor | null, slug: string, input: unknown): { slug: string; watched: boolean } {
  const user = requireUser(actor);
  if (user.via === "token" && user.tokenScope === "read") throw new AppError("forbidden", "This token is read-only.");
  const { watched } = parseInput(watchSchema, input);
  const db = getDb();
  db.transaction((tx) => {
    const workstream = tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).get();
    if (!workstream) throw new AppError("not_found", `No workstream with slug "${slug}"`);
    if (watched) {
      tx.insert(workstreamWatches).values({ userId: user.userId, workstreamId: workstream.id }).onConflictDoNothing().run();
    } else {
      tx.delete(workstreamWatches)
        .where(and(eq(workstreamWatches.userId, user.userId), eq(workstreamWatches.workstreamId, workstream.id)))
        .run();
    }
  });
  invalidateReads("watches");
  return { slug, watched };
}
