import { eq, inArray, sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { milestones, statusHistory } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { bulkUpdateMilestones, updateMilestone } from "@/lib/commands/milestones";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { AppError } from "@/lib/errors";
import { getMilestoneState, type MilestoneState } from "@/lib/queries/milestone-state";
import { onPostgres, rowsOf, setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

// updateMilestone answers with the state it built from its change instead of reading the
// milestone again: these tests hold that answer to a fresh read, byte for byte.
setupTestDatabase();

let admin: Actor;
beforeAll(async () => {
  admin = (await makeUser("admin")).actor;
});

/** Milestones still to be done, so a first status change has no completion date to clear. */
const openIds = async () =>
  (
    await getDb()
      .select({ id: milestones.id })
      .from(milestones)
      .where(inArray(milestones.status, ["planned", "in_progress"]))
      .orderBy(milestones.id)
  ).map((row) => row.id);

const historyOf = async (id: number) => await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, id)).orderBy(statusHistory.id);

/** Applies a change and checks the answer against a fresh read, and that history gained exactly one entry. */
async function expectAnswerIsFresh(id: number, change: Record<string, unknown>): Promise<MilestoneState> {
  const before = (await historyOf(id)).length;
  const version = (await getMilestoneState(id))!.version;
  const answer = await updateMilestone(admin, id, { version, ...change });
  const fresh = (await getMilestoneState(id))!;
  expect(JSON.stringify(answer)).toBe(JSON.stringify(fresh));
  expect(answer.version).toBe(version + 1);
  const history = await historyOf(id);
  expect(history).toHaveLength(before + 1);
  expect(history.at(-1)!.toStatus).toBe(fresh.status);
  return answer;
}

describe("the answer of an accepted change equals a fresh read", () => {
  it("status changes, with the completion date set and cleared", async () => {
    const [id] = await openIds();
    await expectAnswerIsFresh(id!, { status: "in_progress", note: "started" });
    await expectAnswerIsFresh(id!, { status: "completed", completedOn: "2021-06" });
    await expectAnswerIsFresh(id!, { completedOn: "2021-05-14" });
    await expectAnswerIsFresh(id!, { status: "in_progress" });
    expect((await getMilestoneState(id!))!.completedOn).toBeNull();
    await expectAnswerIsFresh(id!, { status: "cancelled", note: "dropped by the board" });
  });

  it("re-plans: the first keeps the baseline, a later one keeps it too, the same date re-plans nothing", async () => {
    const id = (await openIds())[1]!;
    const original = (await getMilestoneState(id))!;
    const first = await expectAnswerIsFresh(id, { status: "delayed", note: "late", expectedDate: "2031-03" });
    expect(first.baselineDate).toBe(original.date);
    expect(first.date).toBe("2031-03");
    const second = await expectAnswerIsFresh(id, { status: "at_risk", note: "later still", expectedDate: "2032" });
    expect([second.baselineDate, second.date, second.datePrecision]).toEqual([original.date, "2032", "year"]);
    await expectAnswerIsFresh(id, { expectedDate: "2032", note: "no change of plan" });
  });

  it("a note alone, and evidence merged with what the milestone had (duplicates dropped)", async () => {
    const id = (await openIds())[2]!;
    await expectAnswerIsFresh(id, { note: "checked with the secretariat" });
    const withEvidence = await expectAnswerIsFresh(id, { evidence: ["CEB/2022/1", "https://unsceb.org/a"] });
    const again = await expectAnswerIsFresh(id, { evidence: ["CEB/2022/1", "A/RES/76/189"] });
    expect(again.evidence.length).toBe(withEvidence.evidence.length + 1);
  });

  it("titles, translated titles (added, changed, removed) and the date", async () => {
    const id = (await openIds())[3]!;
    await expectAnswerIsFresh(id, { titleEn: "A clearer English title", titleZh: "更清楚的标题" });
    await expectAnswerIsFresh(id, { translations: { fr: "Un titre", es: "Un título" } });
    await expectAnswerIsFresh(id, { translations: { fr: "Un meilleur titre", es: "" } });
    expect((await getMilestoneState(id))!.translations).toEqual({ fr: "Un meilleur titre" });
    await expectAnswerIsFresh(id, { date: "2029-11-30" });
    await expectAnswerIsFresh(id, { date: "2030", titleEn: "Both at once", status: "at_risk", note: "why" });
  });

  it("a status-only change stores no field changes (SQL NULL, not the text 'null')", async () => {
    const id = (await openIds())[4]!;
    await expectAnswerIsFresh(id, { status: "at_risk", note: "watch it" });
    // Asked in SQL: read through drizzle, a JSON 'null' would also come back as null.
    const [raw] = await rowsOf<{ storedNull: unknown }>(
      sql`select changes is null as "storedNull" from status_history where milestone_id = ${id} order by id desc limit 1`,
    );
    expect(raw!.storedNull).toBe(onPostgres ? true : 1);
  });

  it("a conflict answers 409 with the current state and changes nothing", async () => {
    const id = (await openIds())[5]!;
    const stale = (await getMilestoneState(id))!.version;
    await expectAnswerIsFresh(id, { status: "at_risk", note: "slipping" });
    const before = (await getMilestoneState(id))!;
    const history = (await historyOf(id)).length;
    let refusal: unknown;
    try {
      await updateMilestone(admin, id, { version: stale, status: "planned" });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).status).toBe(409);
    expect((refusal as AppError).extra.current).toEqual(before);
    expect(await getMilestoneState(id)).toEqual(before);
    expect(await historyOf(id)).toHaveLength(history);
  });

  it("each row of a bulk update answers its fresh state", async () => {
    const ids = (await openIds()).slice(6, 10);
    const items = await Promise.all(ids.map(async (id) => ({ id, version: (await getMilestoneState(id))!.version })));
    const result = await bulkUpdateMilestones(admin, { items, status: "delayed", note: "all late", expectedDate: "2033-01" });
    expect(result.done).toBe(ids.length);
    for (const row of result.results) {
      expect(row.outcome).toBe("done");
      if (row.outcome === "done") expect(JSON.stringify(row.milestone)).toBe(JSON.stringify(await getMilestoneState(row.id)));
    }
  });

  it("any change accepted answers a fresh read; any refused leaves the milestone and its history as they were", async () => {
    const ids = (await openIds()).slice(10, 20);
    let accepted = 0;
    const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
    // Mostly valid changes (so most are accepted), with some refusals: stale versions, empty changes.
    const change = fc
      .record({
        id: fc.constantFrom(...ids),
        stale: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        status: optional(fc.constantFrom(...MILESTONE_STATUSES)),
        completedOn: fc.constantFrom("2020", "2021-02", "2021-02-28"),
        expectedDate: optional(fc.constantFrom("2030", "2031-07", "2031-07-01")),
        date: optional(fc.constantFrom("2027", "2028-09")),
        note: optional(fc.constantFrom("a reason", "another reason")),
        evidence: optional(fc.subarray(["CEB/2022/1", "https://unsceb.org/b", "E/2022/13"])),
        titleEn: optional(fc.constantFrom("Title one", "Title two")),
        titleZh: optional(fc.constantFrom("标题一", "标题二")),
        translations: optional(fc.dictionary(fc.constantFrom("ar", "fr", "ru", "es"), fc.constantFrom("", "Titre", "Título"))),
      })
      .map(({ status, completedOn, expectedDate, date, note, ...rest }) => {
        const slipping = status === "delayed" || status === "at_risk";
        return {
          ...rest,
          status,
          note: status === "delayed" || status === "at_risk" || status === "cancelled" ? (note ?? "why") : note,
          completedOn: status === "completed" ? completedOn : undefined,
          expectedDate: slipping ? expectedDate : undefined,
          date: slipping && expectedDate ? undefined : date,
        };
      });
    await fc.assert(
      fc.asyncProperty(change, async ({ id, stale, ...fields }) => {
        const before = (await getMilestoneState(id))!;
        const history = (await historyOf(id)).length;
        const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
        let answer: MilestoneState;
        try {
          answer = await updateMilestone(admin, id, { ...body, version: stale ? before.version - 1 : before.version });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          expect(await getMilestoneState(id)).toEqual(before);
          expect(await historyOf(id)).toHaveLength(history);
          return;
        }
        expect(JSON.stringify(answer)).toBe(JSON.stringify(await getMilestoneState(id)));
        expect(await historyOf(id)).toHaveLength(history + 1);
        accepted++;
      }),
      { numRuns: 300, seed: 20221 },
    );
    // The property is only worth something if many of the changes went through.
    expect(accepted).toBeGreaterThan(150);
  });
});
