import "server-only";
import { eq, max } from "drizzle-orm";
import { type AppDatabase, getDb } from "@/db";
import { bodies, type Workstream, workstreams } from "@/db/schema";
import { type Actor, requireRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { workstreamCreateSchema, workstreamUpdateSchema } from "@/lib/validation/workstreams";
import { parseInput } from "@/lib/validation/zod-errors";

type Reader = Pick<AppDatabase, "select">;

function assertKnownBody(db: Reader, code: string): void {
  if (db.select({ code: bodies.code }).from(bodies).where(eq(bodies.code, code)).get()) return;
  const known = db.select({ code: bodies.code }).from(bodies).all().map((body) => body.code);
  throw new AppError("unprocessable", `Unknown body "${code}"`, [{ name: "bodyCode", reason: `must be one of ${known.join(", ")}` }]);
}

function assertSlugFree(db: Reader, slug: string): void {
  if (!db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).get()) return;
  throw new AppError("conflict", `A workstream with the slug "${slug}" already exists.`, [
    { name: "slug", reason: "is already used by another workstream" },
  ]);
}

/** Adds a workstream after every existing one (admins only). */
export function createWorkstream(actor: Actor | null, input: unknown): Workstream {
  requireRole(actor, "admin");
  const data = parseInput(workstreamCreateSchema, input);
  // Checks and insert share one transaction so a concurrent writer cannot slip a duplicate in.
  return getDb().transaction((tx) => {
    assertKnownBody(tx, data.bodyCode);
    assertSlugFree(tx, data.slug);
    const last = tx.select({ position: max(workstreams.position) }).from(workstreams).get()?.position ?? 0;
    return tx
      .insert(workstreams)
      .values({ ...data, position: last + 1 })
      .returning()
      .get();
  });
}

/** Changes a workstream's names, body, leads, summaries or paragraphs, or renames its slug (admins only). */
export function updateWorkstream(actor: Actor | null, slug: string, input: unknown): Workstream {
  requireRole(actor, "admin");
  const data = parseInput(workstreamUpdateSchema, input);
  return getDb().transaction((tx) => {
    const current = tx.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).get();
    if (!current) throw new AppError("not_found", `No workstream with slug "${slug}".`);
    if (data.bodyCode !== undefined) assertKnownBody(tx, data.bodyCode);
    if (data.slug !== undefined && data.slug !== slug) assertSlugFree(tx, data.slug);
    return tx
      .update(workstreams)
      .set({ ...data, updatedAt: new Date().toISOString() })
      .where(eq(workstreams.id, current.id))
      .returning()
      .get();
  });
}
