import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { GET as getHistory } from "@/app/api/milestones/[id]/history/route";
import { POST as postBulk } from "@/app/api/milestones/bulk/route";
import { getDb } from "@/db";
import { milestones, statusHistory, workstreams } from "@/db/schema";
import { buildReportDocument } from "@/lib/reports/document";
import { renderCsv } from "@/lib/reports/render/tabular";
import { buildReportData } from "@/lib/reports/report-data";
import { countRows, setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase();

type Handler = (request: Request, context: never) => Response | Promise<Response>;
async function call(
  handler: Handler,
  method: string,
  url: string,
  params: Record<string, string>,
  options: { token?: string; body?: unknown; raw?: string } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handler(new Request(`http://localhost${url}`, { method, headers, body }), { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json(), type: response.headers.get("content-type") };
}
const patch = (id: number, token: string | undefined, body: unknown) =>
  call(patchMilestone as Handler, "PATCH", `/api/milestones/${id}`, { id: String(id) }, { token, body });
const bulk = (token: string | undefined, body: unknown, raw?: string) => call(postBulk as Handler, "POST", "/api/milestones/bulk", {}, { token, body, raw });

const row = async (id: number) => (await getDb().select().from(milestones).where(eq(milestones.id, id)).limit(1))[0]!;
async function openMilestones(slug: string) {
  const db = getDb();
  const workstream = (await db.select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!;
  return (await db.select().from(milestones).where(eq(milestones.workstreamId, workstream.id)).orderBy(milestones.id)).filter(
    (m) => m.status !== "completed" && m.status !== "cancelled",
  );
}

let editor: TestPrincipal;
let viewer: TestPrincipal;
let assigned: TestPrincipal;

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  editor = await makeUser("editor", { allWorkstreams: true, email: "ana.ruiz@example.org" });
  viewer = await makeUser("viewer");
  assigned = await makeUser("editor", { assignedSlugs: ["data-cube"] });
});

describe("re-planning a milestone", () => {
  it("the first re-plan keeps the original date as the baseline; history records both dates", async () => {
    const target = (await openMilestones("ai-working-group"))[0]!;
    const answer = await patch(target.id, editor.token, { version: target.version, status: "delayed", note: "Postponed to HLCP 44", expectedDate: "2023-06" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ date: "2023-06", datePrecision: "month", baselineDate: target.date });
    const stored = await row(target.id);
    expect(stored).toMatchObject({ date: "2023-06", year: 2023, periodStart: "2023-06-01", periodEnd: "2023-06-30" });
    expect(stored).toMatchObject({
      baselineDate: target.date,
      baselinePrecision: target.datePrecision,
      baselinePeriodStart: target.periodStart,
      baselinePeriodEnd: target.periodEnd,
    });
    const entry = (await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, target.id))).at(-1)!;
    expect(entry.changes).toMatchObject({ date: { from: target.date, to: "2023-06" }, baselineDate: { from: null, to: target.date } });

    // A later re-plan moves the date again and keeps the first baseline.
    const again = await patch(target.id, editor.token, { version: answer.body.version, status: "at_risk", note: "Again", expectedDate: "2024" });
    expect(again.status).toBe(200);
    expect(await row(target.id)).toMatchObject({ date: "2024", datePrecision: "year", year: 2024, baselineDate: target.date });
    const last = (await getDb().select().from(statusHistory).where(eq(statusHistory.milestoneId, target.id))).at(-1)!;
    expect(last.changes).toEqual({ date: { from: "2023-06", to: "2024" } });
  });

  it("refuses a new expected date unless the milestone is (or becomes) delayed or at risk, naming the field", async () => {
    const target = (await openMilestones("data-cube")).find((m) => m.status === "planned" || m.status === "in_progress")!;
    const before = await countRows(statusHistory);
    const asCompleted = await patch(target.id, editor.token, { version: target.version, status: "completed", completedOn: "2021", expectedDate: "2023" });
    expect(asCompleted.status).toBe(422);
    expect(asCompleted.type).toBe("application/problem+json");
    expect(asCompleted.body["invalid-params"]).toContainEqual(expect.objectContaining({ name: "expectedDate", code: "expectedDateOnlyWhenSlipping" }));
    const withoutStatus = await patch(target.id, editor.token, { version: target.version, expectedDate: "2023" });
    expect(withoutStatus.status).toBe(422);
    expect(withoutStatus.body["invalid-params"][0]).toMatchObject({ name: "expectedDate" });
    const badDate = await patch(target.id, editor.token, { version: target.version, status: "delayed", note: "x", expectedDate: "2023-13" });
    expect(badDate.body["invalid-params"][0]).toMatchObject({ name: "expectedDate", code: "partialDate" });
    expect(await countRows(statusHistory)).toBe(before);
    expect((await row(target.id)).baselineDate).toBeNull();
  });
});

describe("bulk update", () => {
  it("marks three milestones delayed with a new date: one history entry each, per-row results", async () => {
    const targets = (await openMilestones("data-cube")).slice(0, 3);
    expect(targets).toHaveLength(3);
    const before = await countRows(statusHistory);
    const answer = await bulk(editor.token, {
      items: targets.map((m) => ({ id: m.id, version: m.version })),
      status: "delayed",
      note: "Waiting for the 2023 data call",
      evidence: ["CEB/2022/4"],
      expectedDate: "2023-09",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ done: 3, conflicts: 0, refused: 0 });
    expect(answer.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(await countRows(statusHistory)).toBe(before + 3);
    for (const target of targets) {
      expect(await row(target.id)).toMatchObject({ status: "delayed", date: "2023-09", baselineDate: target.date, version: target.version + 1 });
    }

    // The yearly summary of the new year lists them with their first planned date and the slip.
    const report = await buildReportData(2023, { lang: "en", workstream: ["data-cube"] }, "2026-05-01");
    const replanned = report.rows.filter((r) => targets.some((t) => t.id === r.milestoneId));
    expect(replanned).toHaveLength(3);
    for (const r of replanned) {
      const target = targets.find((t) => t.id === r.milestoneId)!;
      expect(r).toMatchObject({
        date: "2023-09",
        dateLabel: "September 2023",
        baselineDate: target.date,
        statusLabel: "Delayed",
        reason: "Waiting for the 2023 data call",
      });
      expect(r.slipMonths).toBeGreaterThan(12);
    }
    const annex = buildReportDocument(report).blocks.find((block) => block.kind === "table" && block.id === "table-annex");
    expect(JSON.stringify(annex)).toMatch(/September 2023 \(first planned for [^)]*2021, \d+ months later\)/);
    expect(renderCsv(report).split("\r\n")[0]).toContain("baselineDate,baselineLabel,slipMonths");
  });

  it("a stale row is a conflict naming who changed it, a forbidden row is refused, the others are done", async () => {
    const [fresh, stale] = (await openMilestones("data-cube")).slice(0, 2);
    const other = (await openMilestones("ai-working-group"))[0]!;
    // Ana changes `stale` after our caller loaded it.
    const theirs = await patch(stale!.id, editor.token, { version: stale!.version, status: "at_risk", note: "Funding unclear" });
    expect(theirs.status).toBe(200);
    const before = { fresh: await row(fresh!.id), stale: await row(stale!.id), other: await row(other.id) };
    const answer = await bulk(assigned.token, {
      items: [fresh!, stale!, other].map((m) => ({ id: m.id, version: m.version })),
      status: "in_progress",
    });
    expect(answer.status).toBe(200);
    const [done, conflict, refused] = answer.body.results;
    expect(done).toMatchObject({ id: fresh!.id, outcome: "done", milestone: { status: "in_progress" } });
    expect(conflict).toMatchObject({ id: stale!.id, outcome: "conflict", current: { status: "at_risk" }, lastChange: { note: "Funding unclear" } });
    expect(conflict.lastChange.actor).not.toContain("@");
    expect(refused).toMatchObject({ id: other.id, outcome: "refused", status: 403 });
    // Nothing half-written: the conflicting and refused rows are as they were.
    expect(await row(stale!.id)).toEqual(before.stale);
    expect(await row(other.id)).toEqual(before.other);
  });

  it("refuses a bad shared change with 422 before touching any row, and viewers with 403", async () => {
    const target = (await openMilestones("data-cube"))[0]!;
    const before = await countRows(statusHistory);
    const noNote = await bulk(editor.token, { items: [{ id: target.id, version: target.version }], status: "delayed" });
    expect(noNote.status).toBe(422);
    expect(noNote.body["invalid-params"][0]).toMatchObject({ name: "note", code: "noteRequired" });
    const tooMany = await bulk(editor.token, { items: Array.from({ length: 201 }, (_, i) => ({ id: i + 1, version: 1 })), status: "planned" });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body["invalid-params"][0]).toMatchObject({ name: "items", code: "tooManyItems" });
    const huge = await bulk(editor.token, undefined, JSON.stringify({ items: [], note: "x".repeat(70_000) }));
    expect(huge.status).toBe(413);
    const asViewer = await bulk(viewer.token, { items: [{ id: target.id, version: target.version }], status: "planned" });
    expect(asViewer.status).toBe(403);
    expect(await countRows(statusHistory)).toBe(before);
  });
});

describe("names, not emails", () => {
  it("history through the API names the editor without their email", async () => {
    const changed = await getDb()
      .select()
      .from(statusHistory)
      .where(inArray(statusHistory.actorUserId, [editor.actor.userId]));
    expect(changed.length).toBeGreaterThan(0);
    const id = changed[0]!.milestoneId;
    const answer = await call(getHistory as Handler, "GET", `/api/milestones/${id}/history`, { id: String(id) }, { token: viewer.token });
    expect(answer.status).toBe(200);
    const text = JSON.stringify(answer.body);
    expect(text).not.toContain("ana.ruiz@example.org");
    expect(answer.body.entries[0].actor).toBe(editor.actor.name);
  });
});
