import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { type AppDatabase, getDb } from "@/db";
import { type Evidence, type HistoryKind, milestones, milestoneTranslations, statusHistory, workstreams } from "@/db/schema";
import { TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { type Actor, requireRole, requireWorkstreamEditor } from "@/lib/auth/permissions";
import type { MilestoneField } from "@/lib/domain/milestone-fields";
import { parsePartialDate, periodOf } from "@/lib/domain/partial-date";
import { isReplanStatus } from "@/lib/domain/slip";
import type { MilestoneStatus } from "@/lib/domain/status";
import { AppError, type InvalidParam } from "@/lib/errors";
import { invalidateReads } from "@/lib/queries/cache";
import { getLastChange, getMilestoneState, type LastChange, type MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneBulkSchema, milestoneCreateSchema, milestoneRemoveSchema, milestoneUpdateSchema } from "@/lib/validation/milestones";
import { invalidParam } from "@/lib/validation/english-reasons";
import { parseInput } from "@/lib/validation/parse-or-throw";

const actorLabel = (actor: Actor) => `${actor.name} <${actor.email}>`;

function loadLive(id: number): MilestoneState {
  const state = getMilestoneState(id);
  if (!state || state.removedAt) throw new AppError("not_found", `No milestone with id ${id}.`);
  return state;
}

function conflict(id: number): AppError {
  const current = getMilestoneState(id);
  // Rows are only ever marked removed, never deleted; this keeps the type honest.
  if (!current) return new AppError("not_found", `No milestone with id ${id}.`);
  return new AppError(
    "conflict",
    "Someone else changed this milestone after you loaded it. Review the current state, then re-apply or discard your change.",
    [invalidParam("version", "versionOutOfDate", { version: current.version })],
    // Who changed it, when and why, so the conflict screen can say so (a name, never an email).
    { current, lastChange: getLastChange(id) },
  );
}

function dateColumns(value: string) {
  const date = parsePartialDate(value)!;
  const period = periodOf(date);
  return { date: date.value, datePrecision: date.precision, periodStart: period.start, periodEnd: period.end, year: date.year };
}

/** The current date moved into the baseline columns: done on a milestone's first re-plan only. */
function baselineColumns(value: string) {
  const date = parsePartialDate(value)!;
  const period = periodOf(date);
  return { baselineDate: date.value, baselinePrecision: date.precision, baselinePeriodStart: period.start, baselinePeriodEnd: period.end };
}

function completionColumns(value: string | null) {
  if (!value) return { completedOn: null, completedPrecision: null, completedPeriodEnd: null };
  const date = parsePartialDate(value)!;
  return { completedOn: date.value, completedPrecision: date.precision, completedPeriodEnd: periodOf(date).end };
}

type Writer = Pick<AppDatabase, "insert" | "delete">;
type TranslationChange = { locale: TranslationLocale; from: string | null; to: string | null };

/** The translated titles that differ from the current ones; an empty string asks for removal. */
function translationChanges(current: MilestoneState["translations"], requested: Partial<Record<TranslationLocale, string>>): TranslationChange[] {
  return TRANSLATION_LOCALES.flatMap((locale) => {
    const value = requested[locale];
    if (value === undefined) return [];
    const from = current[locale] ?? null;
    const to = value === "" ? null : value;
    return from === to ? [] : [{ locale, from, to }];
  });
}

/** Writes translated titles: one row per language, deleted when the title is removed. */
function writeTranslations(tx: Writer, milestoneId: number, changes: TranslationChange[], updatedBy: string): void {
  const updatedAt = new Date().toISOString();
  for (const { locale, to } of changes) {
    if (to === null) {
      tx.delete(milestoneTranslations)
        .where(and(eq(milestoneTranslations.milestoneId, milestoneId), eq(milestoneTranslations.locale, locale)))
        .run();
    } else {
      tx.insert(milestoneTranslations)
        .values({ milestoneId, locale, title: to, updatedAt, updatedBy })
        .onConflictDoUpdate({ target: [milestoneTranslations.milestoneId, milestoneTranslations.locale], set: { title: to, updatedAt, updatedBy } })
        .run();
    }
  }
}

function mergeEvidence(existing: Evidence[], added: Evidence[]): Evidence[] {
  const seen = new Set(existing.map((item) => item.value));
  return [...existing, ...added.filter((item) => !seen.has(item.value) && seen.add(item.value))];
}

type UpdateData = ReturnType<ReturnType<typeof milestoneUpdateSchema>["parse"]>;

/**
 * Changes a milestone's status (with completion date, note and evidence) and/or its titles
 * (translations included, recorded as `title.fr` and so on) and date. Setting it delayed or at
 * risk may re-plan it with an `expectedDate`: the first re-plan keeps the original date as the
 * baseline (ADR 011). Refused with 409 when the milestone moved on since `version`; every
 * accepted change appends one history entry in the same transaction.
 */
export function updateMilestone(actor: Actor | null, id: number, input: unknown): MilestoneState {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneUpdateSchema(), input);
  return applyUpdate(user, id, data);
}

/** One milestone's change, all or nothing: the shared body of a single and a bulk update. */
function applyUpdate(user: Actor, id: number, data: UpdateData): MilestoneState {
  const current = loadLive(id);
  requireWorkstreamEditor(user, current.workstreamId);
  if (current.version !== data.version) throw conflict(id);

  const status: MilestoneStatus = data.status ?? current.status;
  let completedOn = current.completedOn;
  if (data.status !== undefined) completedOn = status === "completed" ? (data.completedOn ?? null) : null;
  else if (data.completedOn !== undefined) {
    if (status !== "completed") {
      throw new AppError("unprocessable", "Invalid completedOn", [invalidParam("completedOn", "completedOnOnlyWhenCompleted")]);
    }
    completedOn = data.completedOn;
  }
  // A new expected date belongs to a delayed or at-risk milestone, whether set now or before.
  if (data.expectedDate !== undefined && !isReplanStatus(status)) {
    throw new AppError("unprocessable", "Invalid expectedDate", [invalidParam("expectedDate", "expectedDateOnlyWhenSlipping")]);
  }
  const expected = data.expectedDate === undefined ? undefined : parsePartialDate(data.expectedDate)!.value;
  const replanned = expected !== undefined && expected !== current.date;

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const record = (field: MilestoneField, from: unknown, to: unknown) => {
    if (to !== undefined && from !== to) changes[field] = { from, to };
  };
  record("titleEn", current.titleEn, data.titleEn);
  record("titleZh", current.titleZh, data.titleZh);
  record("date", current.date, data.date === undefined ? expected : parsePartialDate(data.date)!.value);
  record("completedOn", current.completedOn, completedOn);
  // The first re-plan keeps the original date; history names it too, so both dates are on record.
  if (replanned && !current.baselineDate) changes.baselineDate = { from: null, to: current.date };
  const translated = translationChanges(current.translations, data.translations ?? {});
  for (const change of translated) changes[`title.${change.locale}`] = { from: change.from, to: change.to };
  const statusChanged = status !== current.status;
  const added = data.evidence ?? [];
  if (!statusChanged && !Object.keys(changes).length && !data.note && !added.length) {
    throw new AppError("unprocessable", "The change is empty: nothing differs from the current milestone.", [invalidParam("body", "changesNothing")]);
  }

  const db = getDb();
  db.transaction((tx) => {
    const result = tx
      .update(milestones)
      .set({
        status,
        ...completionColumns(completedOn),
        ...(data.titleEn !== undefined && { titleEn: data.titleEn }),
        ...(data.titleZh !== undefined && { titleZh: data.titleZh }),
        ...(data.date !== undefined && dateColumns(data.date)),
        ...(replanned && !current.baselineDate && baselineColumns(current.date)),
        ...(replanned && dateColumns(expected)),
        evidence: mergeEvidence(current.evidence, added),
        version: current.version + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(and(eq(milestones.id, id), eq(milestones.version, current.version), isNull(milestones.removedAt)))
      .run();
    // Another writer got in between our read and this write: refuse rather than overwrite.
    if (result.changes !== 1) throw conflict(id);
    writeTranslations(tx, id, translated, actorLabel(user));
    const kind: HistoryKind = statusChanged ? "status" : "edited";
    tx.insert(statusHistory)
      .values({
        milestoneId: id,
        kind,
        fromStatus: current.status,
        toStatus: status,
        actor: actorLabel(user),
        actorUserId: user.userId,
        note: data.note || null,
        evidence: added,
        changes: Object.keys(changes).length ? changes : null,
      })
      .run();
  });
  // After the commit: every cached page read sees the change on its next request.
  invalidateReads("milestones", ...(translated.length ? (["translations"] as const) : []));
  return loadLive(id);
}

/** What happened to one row of a bulk update. */
export type BulkRowResult =
  | { id: number; outcome: "done"; milestone: MilestoneState }
  | { id: number; outcome: "conflict"; current: MilestoneState; lastChange: LastChange | null }
  | { id: number; outcome: "refused"; status: number; detail: string; invalidParams: InvalidParam[] };

export type BulkResult = { results: BulkRowResult[]; done: number; conflicts: number; refused: number };

/**
 * Applies one change to many milestones. Each row is its own all-or-nothing update (version
 * check, one transaction, one history entry), so rows that conflict or are refused leave the
 * others done; the batch as a whole is not atomic (ADR 011 says why). The shared fields are
 * validated once, before any row is touched: a bad field refuses the whole request with 422.
 */
export function bulkUpdateMilestones(actor: Actor | null, input: unknown): BulkResult {
  const user = requireRole(actor, "editor");
  const { items, ...change } = parseInput(milestoneBulkSchema(), input);
  const seen = new Set<number>();
  const results = items.map(({ id, version }): BulkRowResult => {
    if (seen.has(id)) return { id, outcome: "refused", status: 422, detail: "This milestone is listed twice.", invalidParams: [] };
    seen.add(id);
    try {
      return { id, outcome: "done", milestone: applyUpdate(user, id, { ...change, version }) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "conflict" && error.extra.current) {
        return { id, outcome: "conflict", current: error.extra.current as MilestoneState, lastChange: (error.extra.lastChange as LastChange | null) ?? null };
      }
      return { id, outcome: "refused", status: error.status, detail: error.message, invalidParams: error.invalidParams };
    }
  });
  const count = (outcome: BulkRowResult["outcome"]) => results.filter((row) => row.outcome === outcome).length;
  return { results, done: count("done"), conflicts: count("conflict"), refused: count("refused") };
}

/** Adds a milestone to a workstream, with its first history entry. */
export function createMilestone(actor: Actor | null, workstreamSlug: string, input: unknown): MilestoneState {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneCreateSchema(), input);
  const db = getDb();
  const workstream = db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, workstreamSlug)).get();
  if (!workstream) throw new AppError("not_found", `No workstream with slug "${workstreamSlug}".`);
  requireWorkstreamEditor(user, workstream.id);
  const id = db.transaction((tx) => insertMilestone(tx, user, workstream.id, data));
  invalidateReads("milestones", "translations");
  return loadLive(id);
}

type MilestoneCreateData = ReturnType<ReturnType<typeof milestoneCreateSchema>["parse"]>;

/**
 * The write behind `createMilestone`, inside the caller's transaction, for commands that add a
 * milestone as part of a larger change (accepting a report's proposal). The caller authorizes
 * and validates.
 */
export function insertMilestone(tx: Writer, user: Actor, workstreamId: number, data: MilestoneCreateData): number {
  const row = tx
    .insert(milestones)
    .values({
      workstreamId,
      titleEn: data.titleEn,
      titleZh: data.titleZh,
      ...dateColumns(data.date),
      status: data.status,
      ...completionColumns(data.status === "completed" ? (data.completedOn ?? null) : null),
      sourceParagraph: data.sourceParagraph ?? null,
      sourceFootnote: data.sourceFootnote ?? null,
      quoteZh: data.quoteZh ?? null,
      evidence: data.evidence,
    })
    .returning({ id: milestones.id })
    .get();
  const translated = translationChanges({}, data.translations);
  writeTranslations(tx, row.id, translated, actorLabel(user));
  tx.insert(statusHistory)
    .values({
      milestoneId: row.id,
      kind: "created",
      fromStatus: null,
      toStatus: data.status,
      actor: actorLabel(user),
      actorUserId: user.userId,
      note: data.note || null,
      evidence: data.evidence,
      changes: translated.length ? Object.fromEntries(translated.map((c) => [`title.${c.locale}`, { from: null, to: c.to }])) : null,
    })
    .run();
  return row.id;
}

/** Removes a milestone from every view; the row and its history stay, marked removed. */
export function removeMilestone(actor: Actor | null, id: number, input: unknown = {}): MilestoneState {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneRemoveSchema, input ?? {});
  const current = loadLive(id);
  requireWorkstreamEditor(user, current.workstreamId);
  if (data.version !== current.version) throw conflict(id);
  const db = getDb();
  db.transaction((tx) => {
    const now = new Date().toISOString();
    const result = tx
      .update(milestones)
      .set({ removedAt: now, version: current.version + 1, updatedAt: now })
      .where(and(eq(milestones.id, id), eq(milestones.version, current.version), isNull(milestones.removedAt)))
      .run();
    if (result.changes !== 1) throw conflict(id);
    tx.insert(statusHistory)
      .values({
        milestoneId: id,
        kind: "removed",
        fromStatus: current.status,
        toStatus: current.status,
        actor: actorLabel(user),
        actorUserId: user.userId,
        note: data.note || null,
      })
      .run();
  });
  invalidateReads("milestones");
  return getMilestoneState(id)!;
}
