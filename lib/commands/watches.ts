import "server-only";
import { and, eq } from "drizzle-orm";
import { runInTransaction } from "@/db/transaction";
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
export async function setWatch(actor: Actor | null, slug: string, input: unknown): Promise<{ slug: string; watched: boolean }> {
  const user = requireUser(actor);
  if (user.via === "token" && user.tokenScope === "read") throw new AppError("forbidden", "This token is read-only.");
  const { watched } = parseInput(watchSchema, input);
  await runInTransaction(async (tx) => {
    const workstream = (await tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0];
    if (!workstream) throw new AppError("not_found", `No workstream with slug "${slug}"`);
    if (watched) {
      await tx.insert(workstreamWatches).values({ userId: user.userId, workstreamId: workstream.id }).onConflictDoNothing();
    } else {
      await tx.delete(workstreamWatches).where(and(eq(workstreamWatches.userId, user.userId), eq(workstreamWatches.workstreamId, workstream.id)));
    }
  });
  invalidateReads("watches");
  return { slug, watched };
}
