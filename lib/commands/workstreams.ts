import "server-only";
import { and, eq, max } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { runInTransaction } from "@/db/transaction";
import { bodies, type Workstream, workstreams, workstreamTranslations } from "@/db/schema";
import { TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { type Actor, requireRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { allWorkstreamTranslations, type WorkstreamTranslations } from "@/lib/queries/translations";
import { invalidParam } from "@/lib/validation/english-reasons";
import { parseInput } from "@/lib/validation/parse-or-throw";
import { workstreamCreateSchema, workstreamUpdateSchema } from "@/lib/validation/workstreams";
import { invalidateReads } from "@/lib/queries/cache";

type Reader = Pick<AppDatabase, "select">;
type Writer = Pick<AppDatabase, "select" | "insert" | "delete">;

/** A workstream as saved, with its names and summaries in the translation languages. */
export type SavedWorkstream = Workstream & { translations: WorkstreamTranslations };

type TranslationInput = Partial<Record<TranslationLocale, { name?: string; summary?: string }>>;

/**
 * Applies translated names and summaries over the stored ones: a field left out keeps its text,
 * an empty string removes it, and a language left with neither loses its row.
 */
async function writeTranslations(tx: Writer, workstreamId: number, requested: TranslationInput): Promise<void> {
  const updatedAt = new Date().toISOString();
  for (const locale of TRANSLATION_LOCALES) {
    const change = requested[locale];
    if (!change) continue;
    const where = and(eq(workstreamTranslations.workstreamId, workstreamId), eq(workstreamTranslations.locale, locale));
    const stored = (
      await tx.select({ name: workstreamTranslations.name, summary: workstreamTranslations.summary }).from(workstreamTranslations).where(where).limit(1)
    )[0];
    const name = change.name === undefined ? (stored?.name ?? null) : change.name || null;
    const summary = change.summary === undefined ? (stored?.summary ?? null) : change.summary || null;
    if (name === null && summary === null) {
      if (stored) await tx.delete(workstreamTranslations).where(where);
      continue;
    }
    await tx
      .insert(workstreamTranslations)
      .values({ workstreamId, locale, name, summary, updatedAt })
      .onConflictDoUpdate({ target: [workstreamTranslations.workstreamId, workstreamTranslations.locale], set: { name, summary, updatedAt } });
  }
}

async function assertKnownBody(db: Reader, code: string): Promise<void> {
  if ((await db.select({ code: bodies.code }).from(bodies).where(eq(bodies.code, code)).limit(1))[0]) return;
  const known = (await db.select({ code: bodies.code }).from(bodies)).map((body) => body.code);
  throw new AppError("unprocessable", `Unknown body "${code}"`, [invalidParam("bodyCode", "oneOf", { options: known.join(", ") })]);
}

async function assertSlugFree(db: Reader, slug: string): Promise<void> {
  if (!(await db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]) return;
  throw new AppError("conflict", `A workstream with the slug "${slug}" already exists.`, [invalidParam("slug", "slugTaken")]);
}

/** Adds a workstream after every existing one (admins only). */
export async function createWorkstream(actor: Actor | null, input: unknown): Promise<SavedWorkstream> {
  requireRole(actor, "admin");
  const data = parseInput(workstreamCreateSchema, input);
  // Checks and insert share one transaction so a concurrent writer cannot slip a duplicate in.
  const saved = await runInTransaction(async (tx) => insertWorkstream(tx, data));
  invalidateReads("workstreams", "translations");
  return saved;
}

/**
 * The write behind `createWorkstream`, inside the caller's transaction (accepting a report's
 * proposal creates the workstream and its first milestones together). The caller authorizes
 * and invalidates the cached reads after the transaction.
 */
export async function insertWorkstream(tx: Writer, input: ReturnType<typeof workstreamCreateSchema.parse>): Promise<SavedWorkstream> {
  const { translations, ...data } = input;
  await assertKnownBody(tx, data.bodyCode);
  await assertSlugFree(tx, data.slug);
  const last =
    (
      await tx
        .select({ position: max(workstreams.position) })
        .from(workstreams)
        .limit(1)
    )[0]?.position ?? 0;
  const row = (
    await tx
      .insert(workstreams)
      .values({ ...data, position: last + 1 })
      .returning()
  )[0]!;
  await writeTranslations(tx, row.id, translations);
  return { ...row, translations: await allWorkstreamTranslations(row.id) };
}

/** The 409 for a change based on an old version, with the workstream as it is now. */
async function conflict(tx: Reader, id: number): Promise<AppError> {
  const row = (await tx.select().from(workstreams).where(eq(workstreams.id, id)).limit(1))[0]!;
  return new AppError(
    "conflict",
    "Someone else changed this workstream after you loaded it. Review the current state, then re-apply or discard your change.",
    [invalidParam("version", "versionOutOfDate", { version: row.version })],
    { current: { ...row, translations: await allWorkstreamTranslations(row.id) } },
  );
}

/**
 * Changes a workstream's names, body, leads, summaries, paragraphs or translations, or renames
 * its slug (admins only), based on the `version` the caller saw: 409 when it moved on.
 */
export async function updateWorkstream(actor: Actor | null, slug: string, input: unknown): Promise<SavedWorkstream> {
  requireRole(actor, "admin");
  const { translations, version, ...data } = parseInput(workstreamUpdateSchema, input);
  const saved = await runInTransaction(async (tx) => {
    const current = (await tx.select({ id: workstreams.id, version: workstreams.version }).from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0];
    if (!current) throw new AppError("not_found", `No workstream with slug "${slug}".`);
    if (current.version !== version) throw await conflict(tx, current.id);
    if (data.bodyCode !== undefined) await assertKnownBody(tx, data.bodyCode);
    if (data.slug !== undefined && data.slug !== slug) await assertSlugFree(tx, data.slug);
    const row = (
      await tx
        .update(workstreams)
        .set({ ...data, version: current.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(workstreams.id, current.id), eq(workstreams.version, current.version)))
        .returning()
    )[0]!;
    if (!row) throw await conflict(tx, current.id);
    if (translations) await writeTranslations(tx, row.id, translations);
    return { ...row, translations: await allWorkstreamTranslations(row.id) };
  });
  invalidateReads("workstreams", "translations");
  return saved;
}
