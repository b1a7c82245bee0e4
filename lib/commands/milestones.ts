import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type AppDatabase, getDb } from "@/db";
import { runInTransaction } from "@/db/transaction";
import { type Evidence, milestones, milestoneTranslations, statusHistory, workstreams } from "@/db/schema";
import { TRANSLATION_LOCALES, type TranslationLocale } from "@/i18n/locales";
import { type Actor, requireRole, requireWorkstreamEditor } from "@/lib/auth/permissions";
import type { MilestoneField } from "@/lib/domain/milestone-fields";
import { type DatePrecision, parsePartialDate, periodOf } from "@/lib/domain/partial-date";
import { isReplanStatus } from "@/lib/domain/slip";
import type { MilestoneStatus } from "@/lib/domain/status";
import { AppError, type InvalidParam } from "@/lib/errors";
import { invalidateReads } from "@/lib/queries/cache";
import { encodedJson } from "@/lib/queries/dialect";
import { preparedQuery } from "@/lib/queries/prepared";
import { getLastChange, getMilestoneState, type LastChange, type MilestoneState } from "@/lib/queries/milestone-state";
import { milestoneBulkSchema, milestoneCreateSchema, milestoneRemoveSchema, milestoneUpdateSchema } from "@/lib/validation/milestones";
import { invalidParam } from "@/lib/validation/english-reasons";
import { parseInput } from "@/lib/validation/parse-or-throw";

const actorLabel = (actor: Actor) => `${actor.name} <${actor.email}>`;

async function loadLive(id: number): Promise<MilestoneState> {
  const state = await getMilestoneState(id);
  if (!state || state.removedAt) throw new AppError("not_found", `No milestone with id ${id}.`);
  return state;
}

async function conflict(id: number): Promise<AppError> {
  const current = await getMilestoneState(id);
  // Rows are only ever marked removed, never deleted; this keeps the type honest.
  if (!current) return new AppError("not_found", `No milestone with id ${id}.`);
  return new AppError(
    "conflict",
    "Someone else changed this milestone after you loaded it. Review the current state, then re-apply or discard your change.",
    [invalidParam("version", "versionOutOfDate", { version: current.version })],
    // Who changed it, when and why, so the conflict screen can say so (a name, never an email).
    { current, lastChange: await getLastChange(id) },
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
async function writeTranslations(tx: Writer, milestoneId: number, changes: TranslationChange[], updatedBy: string): Promise<void> {
  const updatedAt = new Date().toISOString();
  for (const { locale, to } of changes) {
    if (to === null) {
      await tx.delete(milestoneTranslations).where(and(eq(milestoneTranslations.milestoneId, milestoneId), eq(milestoneTranslations.locale, locale)));
    } else {
      await tx
        .insert(milestoneTranslations)
        .values({ milestoneId, locale, title: to, updatedAt, updatedBy })
        .onConflictDoUpdate({ target: [milestoneTranslations.milestoneId, milestoneTranslations.locale], set: { title: to, updatedAt, updatedBy } });
    }
  }
}

function mergeEvidence(existing: Evidence[], added: Evidence[]): Evidence[] {
  const seen = new Set(existing.map((item) => item.value));
  return [...existing, ...added.filter((item) => !seen.has(item.value) && seen.add(item.value))];
}

type UpdateData = ReturnType<ReturnType<typeof milestoneUpdateSchema>["parse"]>;

/** Which optional columns an update sets, beyond the status, completion, evidence and version it always sets. */
type UpdateColumns = { titleEn: boolean; titleZh: boolean; date: boolean; baseline: boolean };

/**
 * A value bound when the prepared statement runs. Drizzle encodes it with its column's mapper
 * (JSON for evidence), as it does a literal value; only its types leave placeholders out of `set`.
 */
const bound = <T>(name: string) => sql.placeholder(name) as unknown as T;

function buildMilestoneUpdate(db: AppDatabase, columns: UpdateColumns) {
  return (
    db
      .update(milestones)
      .set({
        status: bound<MilestoneStatus>("status"),
        completedOn: bound<string | null>("completedOn"),
        completedPrecision: bound<DatePrecision | null>("completedPrecision"),
        completedPeriodEnd: bound<string | null>("completedPeriodEnd"),
        // Only the columns that change are named: naming a title would fire the search index's trigger.
        ...(columns.titleEn && { titleEn: bound<string>("titleEn") }),
        ...(columns.titleZh && { titleZh: bound<string>("titleZh") }),
        ...(columns.date && {
          date: bound<string>("date"),
          datePrecision: bound<DatePrecision>("datePrecision"),
          periodStart: bound<string>("periodStart"),
          periodEnd: bound<string>("periodEnd"),
          year: bound<number>("year"),
        }),
        ...(columns.baseline && {
          baselineDate: bound<string>("baselineDate"),
          baselinePrecision: bound<DatePrecision>("baselinePrecision"),
          baselinePeriodStart: bound<string>("baselinePeriodStart"),
          baselinePeriodEnd: bound<string>("baselinePeriodEnd"),
        }),
        evidence: bound<Evidence[]>("evidence"),
        version: bound<number>("version"),
        updatedAt: bound<string>("updatedAt"),
      })
      .where(and(eq(milestones.id, sql.placeholder("id")), eq(milestones.version, sql.placeholder("currentVersion")), isNull(milestones.removedAt)))
      // The rows it changed: none when another writer moved the version on (every dialect returns them).
      .returning({ id: milestones.id })
      .prepare()
  );
}

// The write path's statements, prepared once per connection: one UPDATE per combination of columns.
const milestoneUpdates = new Map<string, () => ReturnType<typeof buildMilestoneUpdate>>();
function milestoneUpdate(columns: UpdateColumns) {
  const key = `${+columns.titleEn}${+columns.titleZh}${+columns.date}${+columns.baseline}`;
  let statement = milestoneUpdates.get(key);
  if (!statement) {
    statement = preparedQuery((db) => buildMilestoneUpdate(db, columns));
    milestoneUpdates.set(key, statement);
  }
  return statement();
}

const historyInsert = preparedQuery((db) =>
  db
    .insert(statusHistory)
    .values({
      milestoneId: sql.placeholder("milestoneId"),
      kind: sql.placeholder("kind"),
      fromStatus: sql.placeholder("fromStatus"),
      toStatus: sql.placeholder("toStatus"),
      actor: sql.placeholder("actor"),
      actorUserId: sql.placeholder("actorUserId"),
      note: sql.placeholder("note"),
      evidence: sql.placeholder("evidence"),
      // Encoded by the caller: through the column's mapper a null would be stored as the text 'null'.
      changes: encodedJson("changes"),
    })
    .prepare(),
);

type MilestoneChange = {
  id: number;
  currentVersion: number;
  columns: UpdateColumns;
  values: Record<string, unknown>;
  translated: TranslationChange[];
  history: typeof statusHistory.$inferInsert;
};

/** The UPDATE, the translations and the history entry: one transaction, refused if the version moved. */
async function writeMilestoneChange(change: MilestoneChange): Promise<Promise<void>> {
  return await runInTransaction(async (tx) => {
    const changed = await milestoneUpdate(change.columns).execute({ ...change.values, id: change.id, currentVersion: change.currentVersion });
    // Another writer got in between our read and this write: refuse rather than overwrite.
    if (changed.length !== 1) throw await conflict(change.id);
    await writeTranslations(tx, change.id, change.translated, change.history.actor);
    const { changes, ...history } = change.history;
    await historyInsert().execute({ ...history, changes: changes ? JSON.stringify(changes) : null });
  });
}

/**
 * The translated titles after `changes`, languages in code order as a read lists them: a new
 * object, since the current one may be a shared cached read.
 */
function withTranslations(current: MilestoneState["translations"], changes: TranslationChange[]): MilestoneState["translations"] {
  if (!changes.length) return current;
  const next: MilestoneState["translations"] = { ...current };
  for (const { locale, to } of changes) {
    if (to === null) delete next[locale];
    else next[locale] = to;
  }
  return Object.fromEntries(Object.entries(next).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Changes a milestone's status (with completion date, note and evidence) and/or its titles
 * (translations included, recorded as `title.fr` and so on) and date. Setting it delayed or at
 * risk may re-plan it with an `expectedDate`: the first re-plan keeps the original date as the
 * baseline (ADR 011). Refused with 409 when the milestone moved on since `version`; every
 * accepted change appends one history entry in the same transaction.
 */
export async function updateMilestone(actor: Actor | null, id: number, input: unknown): Promise<MilestoneState> {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneUpdateSchema(), input);
  return applyUpdate(user, id, data);
}

/**
 * One milestone's change, all or nothing: the shared body of a single and a bulk update. Answers
 * with the state the change wrote, built from the state it read (whose version the UPDATE
 * matched) rather than read again: tests/integration/milestone-answer.test.ts keeps the two equal.
 */
async function applyUpdate(user: Actor, id: number, data: UpdateData): Promise<MilestoneState> {
  const current = await loadLive(id);
  await requireWorkstreamEditor(user, current.workstreamId);
  if (current.version !== data.version) throw await conflict(id);

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
  const firstReplan = replanned && !current.baselineDate;
  if (firstReplan) changes.baselineDate = { from: null, to: current.date };
  const translated = translationChanges(current.translations, data.translations ?? {});
  for (const change of translated) changes[`title.${change.locale}`] = { from: change.from, to: change.to };
  const statusChanged = status !== current.status;
  const added = data.evidence ?? [];
  if (!statusChanged && !Object.keys(changes).length && !data.note && !added.length) {
    throw new AppError("unprocessable", "The change is empty: nothing differs from the current milestone.", [invalidParam("body", "changesNothing")]);
  }

  const newDate = data.date !== undefined ? dateColumns(data.date) : replanned ? dateColumns(expected) : undefined;
  const values = {
    status,
    ...completionColumns(completedOn),
    ...(data.titleEn !== undefined && { titleEn: data.titleEn }),
    ...(data.titleZh !== undefined && { titleZh: data.titleZh }),
    ...newDate,
    ...(firstReplan && baselineColumns(current.date)),
    evidence: mergeEvidence(current.evidence, added),
    version: current.version + 1,
    updatedAt: new Date().toISOString(),
  };
  const label = actorLabel(user);
  await writeMilestoneChange({
    id,
    currentVersion: current.version,
    columns: { titleEn: data.titleEn !== undefined, titleZh: data.titleZh !== undefined, date: newDate !== undefined, baseline: firstReplan },
    values,
    translated,
    history: {
      milestoneId: id,
      kind: statusChanged ? "status" : "edited",
      fromStatus: current.status,
      toStatus: status,
      actor: label,
      actorUserId: user.userId,
      note: data.note || null,
      evidence: added,
      changes: Object.keys(changes).length ? changes : null,
    },
  });
  // After the commit: every cached page read sees the change on its next request.
  invalidateReads("milestones", ...(translated.length ? (["translations"] as const) : []));
  return {
    ...current,
    titleEn: values.titleEn ?? current.titleEn,
    titleZh: values.titleZh ?? current.titleZh,
    translations: withTranslations(current.translations, translated),
    date: newDate?.date ?? current.date,
    datePrecision: newDate?.datePrecision ?? current.datePrecision,
    baselineDate: firstReplan ? current.date : current.baselineDate,
    status,
    completedOn: values.completedOn,
    evidence: values.evidence,
    version: values.version,
    updatedAt: values.updatedAt,
  };
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
export async function bulkUpdateMilestones(actor: Actor | null, input: unknown): Promise<BulkResult> {
  const user = requireRole(actor, "editor");
  const { items, ...change } = parseInput(milestoneBulkSchema(), input);
  const seen = new Set<number>();
  // One row after the other, as before: each row's checks see the rows before it done.
  const results: BulkRowResult[] = [];
  for (const { id, version } of items) results.push(await bulkRow(user, seen, id, { ...change, version }));
  const count = (outcome: BulkRowResult["outcome"]) => results.filter((row) => row.outcome === outcome).length;
  return { results, done: count("done"), conflicts: count("conflict"), refused: count("refused") };
}

async function bulkRow(user: Actor, seen: Set<number>, id: number, data: UpdateData): Promise<BulkRowResult> {
  {
    if (seen.has(id)) return { id, outcome: "refused", status: 422, detail: "This milestone is listed twice.", invalidParams: [] };
    seen.add(id);
    try {
      return { id, outcome: "done", milestone: await applyUpdate(user, id, data) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === "conflict" && error.extra.current) {
        return { id, outcome: "conflict", current: error.extra.current as MilestoneState, lastChange: (error.extra.lastChange as LastChange | null) ?? null };
      }
      return { id, outcome: "refused", status: error.status, detail: error.message, invalidParams: error.invalidParams };
    }
  }
}

/** Adds a milestone to a workstream, with its first history entry. */
export async function createMilestone(actor: Actor | null, workstreamSlug: string, input: unknown): Promise<MilestoneState> {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneCreateSchema(), input);
  const db = getDb();
  const workstream = (await db.select({ id: workstreams.id }).from(workstreams).where(eq(workstreams.slug, workstreamSlug)).limit(1))[0];
  if (!workstream) throw new AppError("not_found", `No workstream with slug "${workstreamSlug}".`);
  await requireWorkstreamEditor(user, workstream.id);
  const id = await runInTransaction((tx) => insertMilestone(tx, user, workstream.id, data));
  invalidateReads("milestones", "translations");
  return loadLive(id);
}

type MilestoneCreateData = ReturnType<ReturnType<typeof milestoneCreateSchema>["parse"]>;

/**
 * The write behind `createMilestone`, inside the caller's transaction, for commands that add a
 * milestone as part of a larger change (accepting a report's proposal). The caller authorizes
 * and validates.
 */
export async function insertMilestone(tx: Writer, user: Actor, workstreamId: number, data: MilestoneCreateData): Promise<number> {
  const row = (
    await tx
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
  )[0]!;
  const translated = translationChanges({}, data.translations);
  await writeTranslations(tx, row.id, translated, actorLabel(user));
  await tx.insert(statusHistory).values({
    milestoneId: row.id,
    kind: "created",
    fromStatus: null,
    toStatus: data.status,
    actor: actorLabel(user),
    actorUserId: user.userId,
    note: data.note || null,
    evidence: data.evidence,
    changes: translated.length ? Object.fromEntries(translated.map((c) => [`title.${c.locale}`, { from: null, to: c.to }])) : null,
  });
  return row.id;
}

/** Removes a milestone from every view; the row and its history stay, marked removed. */
export async function removeMilestone(actor: Actor | null, id: number, input: unknown = {}): Promise<MilestoneState> {
  const user = requireRole(actor, "editor");
  const data = parseInput(milestoneRemoveSchema, input ?? {});
  const current = await loadLive(id);
  await requireWorkstreamEditor(user, current.workstreamId);
  if (data.version !== current.version) throw await conflict(id);
  await runInTransaction(async (tx) => {
    const now = new Date().toISOString();
    const result = await tx
      .update(milestones)
      .set({ removedAt: now, version: current.version + 1, updatedAt: now })
      .where(and(eq(milestones.id, id), eq(milestones.version, current.version), isNull(milestones.removedAt)))
      .returning({ id: milestones.id });
    if (result.length !== 1) throw await conflict(id);
    await tx.insert(statusHistory).values({
      milestoneId: id,
      kind: "removed",
      fromStatus: current.status,
      toStatus: current.status,
      actor: actorLabel(user),
      actorUserId: user.userId,
      note: data.note || null,
    });
  });
  invalidateReads("milestones");
  return (await getMilestoneState(id))!;
}
