import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMilestonesApi } from "@/app/api/milestones/route";
import { PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { getDb } from "@/db";
import { milestones, workstreams } from "@/db/schema";
import { updateWorkstream } from "@/lib/commands/workstreams";
import { todayIso } from "@/lib/domain/partial-date";
import { recentChanges } from "@/lib/queries/milestones";
import { statusTotals } from "@/lib/queries/stats";
import { getWorkstreamBySlug, listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { reportDataFor } from "@/lib/reports/report-data";
import { changeNoticesSettled, fromAnotherConnection, setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

// Pages read through a cache shared by every request (docs/decisions/007-read-cache.md). These
// tests prove that it never trades freshness: a write is on the very next read, the writer's and
// everyone else's, whether it came through a command in this process or from another process.
setupTestDatabase();

const SLUG = "data-cube";
let editor: TestPrincipal;
let admin: TestPrincipal;

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  editor = await makeUser("editor", { allWorkstreams: true });
  admin = await makeUser("admin");
  // On PostgreSQL the notices of those writes come back a moment later and would empty the cache mid-test.
  await changeNoticesSettled();
});

async function openMilestoneOf(slug: string) {
  const db = getDb();
  const workstream = (await db.select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!;
  return (await db.select().from(milestones).where(eq(milestones.workstreamId, workstream.id)).orderBy(milestones.id)).find(
    (m) => m.status === "planned" || m.status === "in_progress",
  )!;
}

async function patch(id: number, body: unknown) {
  const request = new Request(`http://localhost/api/milestones/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json", authorization: `Bearer ${editor.token}` },
    body: JSON.stringify(body),
  });
  const response = await patchMilestone(request, { params: Promise.resolve({ id: String(id) }) } as never);
  return { status: response.status, body: (await response.json()) as { version: number; status: string } };
}

describe("cached page reads", () => {
  it("answer a repeated read from the cache: the same result, not a new query", async () => {
    const today = todayIso();
    const first = await listWorkstreamSummaries({}, { page: 1, pageSize: 24 }, today);
    expect(await listWorkstreamSummaries({}, { page: 1, pageSize: 24 }, today)).toBe(first);
    expect(await statusTotals({}, today)).toBe(await statusTotals({}, today));
    // Other arguments are another entry.
    expect(await listWorkstreamSummaries({ year: 2021 }, { page: 1, pageSize: 24 }, today)).not.toBe(first);
  });

  it("show a PATCH on the next read of every page's data, for the writer and everyone else", async () => {
    const today = todayIso();
    const milestone = await openMilestoneOf(SLUG);
    const before = await statusTotals({}, today);
    const cardBefore = (await getWorkstreamBySlug(SLUG, today))!;
    const reportBefore = await reportDataFor(milestone.year, { lang: "en" }, today);
    const delayedBefore = before.counts.delayed;

    const { status } = await patch(milestone.id, { version: milestone.version, status: "delayed", note: "Waiting for HLCM 43" });
    expect(status).toBe(200);

    const after = await statusTotals({}, today);
    expect(after.counts.delayed).toBe(delayedBefore + 1);
    expect(after.counts[milestone.status]).toBe(before.counts[milestone.status] - 1);
    expect((await getWorkstreamBySlug(SLUG, today))!.counts.delayed).toBe(cardBefore.counts.delayed + 1);
    expect((await reportDataFor(milestone.year, { lang: "en" }, today)).totals.counts.delayed).toBe(reportBefore.totals.counts.delayed + 1);
    expect((await recentChanges(8))[0]).toMatchObject({ milestoneId: milestone.id, toStatus: "delayed", note: "Waiting for HLCM 43" });
    // The read API (what another user's script sees) too.
    const listed = await listMilestonesApi(
      new Request(`http://localhost/api/milestones?workstream=${SLUG}&status=delayed&pageSize=200`, {
        headers: { authorization: `Bearer ${admin.readToken}` },
      }),
      undefined as never,
    );
    const items = ((await listed.json()) as { items: { id: number }[] }).items;
    expect(items.map((item) => item.id)).toContain(milestone.id);
  });

  it("show a workstream's new name on the next read", async () => {
    const today = todayIso();
    const before = (await getWorkstreamBySlug(SLUG, today))!;
    expect(before.nameEn).not.toBe("UN System Data Cube (renamed)");
    await updateWorkstream(admin.actor, SLUG, { version: before.version, nameEn: "UN System Data Cube (renamed)" });
    expect((await getWorkstreamBySlug(SLUG, today))!.nameEn).toBe("UN System Data Cube (renamed)");
    const card = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, today)).items.find((item) => item.slug === SLUG);
    expect(card?.nameEn).toBe("UN System Data Cube (renamed)");
  });

  it("show a write made by another process (another server, a script) on the next read", async () => {
    const today = todayIso();
    const milestone = await openMilestoneOf("ai-working-group");
    const before = await statusTotals({}, today);
    await fromAnotherConnection(sql`update milestones set status = 'cancelled', version = version + 1 where id = ${milestone.id}`);
    const after = await statusTotals({}, today);
    expect(after.counts.cancelled).toBe(before.counts.cancelled + 1);
  });
});
