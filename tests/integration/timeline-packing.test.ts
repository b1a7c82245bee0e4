import { and, eq, isNull, lt, ne } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { milestones } from "@/db/schema";
import { createMilestone, removeMilestone, updateMilestone } from "@/lib/commands/milestones";
import { BAR_ONGOING } from "@/lib/domain/timeline-bar";
import { dayOf } from "@/lib/domain/timeline-window";
import { type CompactBar, forgetTimelinePackings, timelineBars, timelineFrame, timelinePackingCounts } from "@/lib/queries/timeline";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

setupTestDatabase();

const TODAY = new Date().toISOString().slice(0, 10);
const ALL_TIME = { start: dayOf("1945-01-01"), end: dayOf("2100-12-31") };
const MIN_BAR_DAYS = 14;

/** Everything the roadmap shows: lanes with their counts, and every bar by id (its row apart). */
async function snapshot() {
  const frame = await timelineFrame({}, "en");
  const { bars } = await timelineBars({}, "en", ALL_TIME, 0, frame.totalRows, TODAY);
  return { frame, bars };
}

const withoutRow = ([id, , ...rest]: CompactBar) => [id, ...rest];

/** No two bars of a row overlap (a short bar keeps MIN_BAR_DAYS; ongoing work keeps the rest of its row). */
function overlaps(bars: CompactBar[]): string[] {
  const byRow = new Map<number, CompactBar[]>();
  for (const bar of bars) byRow.set(bar[1], [...(byRow.get(bar[1]) ?? []), bar]);
  const problems: string[] = [];
  for (const [row, list] of byRow) {
    list.sort((a, b) => a[2] - b[2]);
    for (let k = 1; k < list.length; k++) {
      const before = list[k - 1]!;
      const reach = before[7] & BAR_ONGOING ? Infinity : Math.max(before[4], before[2] + MIN_BAR_DAYS);
      if (reach >= list[k]![2]) problems.push(`row ${row}: ${before[0]} reaches ${reach}, ${list[k]![0]} starts ${list[k]![2]}`);
    }
  }
  return problems;
}

describe("the roadmap's packing takes changed milestones in place", () => {
  it("after late completions, work turned ongoing and re-plans, shows what a fresh packing shows, with no bars overlapping", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    // Two planned milestones a year apart, which the packing puts in one row; the first is late.
    const lane = (await timelineFrame({}, "en")).lanes[0]!.slug;
    const crowded = await createMilestone(editor.actor, lane, { titleEn: "Adopt the first plan", date: "2019-03" });
    const follower = await createMilestone(editor.actor, lane, { titleEn: "Review the first plan", date: "2020-06" });
    const before = await snapshot();
    const rowIn = (bars: CompactBar[], id: number) => bars.find((bar) => bar[0] === id)![1];
    expect(rowIn(before.bars, crowded.id)).toBe(rowIn(before.bars, follower.id));
    const db = getDb();
    // Open milestones whose period has passed: completing them today stretches their bars to today.
    const late = await db
      .select()
      .from(milestones)
      .where(
        and(
          isNull(milestones.removedAt),
          ne(milestones.status, "completed"),
          ne(milestones.status, "ongoing"),
          lt(milestones.periodEnd, TODAY),
          ne(milestones.id, crowded.id),
        ),
      )
      .limit(6);
    expect(late.length).toBeGreaterThan(3);
    const packedBefore = timelinePackingCounts.packed;
    const [first, second, third, ...rest] = late;
    await updateMilestone(editor.actor, first!.id, { version: first!.version, status: "ongoing", note: "Became a standing activity" });
    await updateMilestone(editor.actor, second!.id, { version: second!.version, status: "delayed", note: "Postponed", expectedDate: "2027-06" });
    await snapshot();
    await updateMilestone(editor.actor, third!.id, { version: third!.version, status: "at_risk", note: "Funding unclear" });
    for (const milestone of rest)
      await updateMilestone(editor.actor, milestone.id, { version: milestone.version, status: "completed", completedOn: TODAY.slice(0, 7), note: "Done late" });
    // Finished today, the first bar reaches into the second: it must move to another row.
    const crowdedRow = (await db.select().from(milestones).where(eq(milestones.id, crowded.id)).limit(1))[0]!;
    await updateMilestone(editor.actor, crowdedRow.id, {
      version: crowdedRow.version,
      status: "completed",
      completedOn: TODAY.slice(0, 7),
      note: "Done at last",
    });
    const inPlace = await snapshot();
    expect(timelinePackingCounts.packed).toBe(packedBefore);
    expect(timelinePackingCounts.updatedInPlace).toBeGreaterThanOrEqual(2);

    forgetTimelinePackings();
    const fresh = await snapshot();
    expect(timelinePackingCounts.packed).toBe(packedBefore + 1);
    expect(overlaps(inPlace.bars)).toEqual([]);
    expect(overlaps(fresh.bars)).toEqual([]);
    expect(inPlace.frame.version).toBe(fresh.frame.version);
    expect(inPlace.frame.lanes.map((lane) => [lane.slug, lane.count])).toEqual(fresh.frame.lanes.map((lane) => [lane.slug, lane.count]));
    const sorted = (bars: CompactBar[]) => bars.map(withoutRow).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(sorted(inPlace.bars)).toEqual(sorted(fresh.bars));
    // The changes show: the ongoing bar runs on, the re-planned one keeps its baseline.
    const barOf = (id: number) => inPlace.bars.find((bar) => bar[0] === id)!;
    expect(barOf(first!.id)[7] & BAR_ONGOING).toBeTruthy();
    expect(barOf(second!.id)[11]).not.toBe(0);
    expect(before.bars.length).toBe(inPlace.bars.length);
    expect(rowIn(inPlace.bars, crowded.id)).not.toBe(rowIn(inPlace.bars, follower.id));
    // Every bar stays inside its lane's rows.
    for (const bar of inPlace.bars) {
      const lane = inPlace.frame.lanes.find((candidate) => candidate.firstRow <= bar[1] && bar[1] < candidate.firstRow + candidate.rows);
      expect(lane, `bar ${bar[0]} in row ${bar[1]}`).toBeDefined();
    }
  });

  it("packs afresh when a milestone leaves the roadmap", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    await snapshot();
    const packedBefore = timelinePackingCounts.packed;
    const target = (
      await getDb()
        .select()
        .from(milestones)
        .where(and(isNull(milestones.removedAt), eq(milestones.status, "planned")))
        .limit(1)
    )[0]!;
    await removeMilestone(editor.actor, target.id, { version: target.version, note: "Entered twice" });
    const after = await snapshot();
    expect(timelinePackingCounts.packed).toBe(packedBefore + 1);
    expect(after.bars.some((bar) => bar[0] === target.id)).toBe(false);
  });
});
