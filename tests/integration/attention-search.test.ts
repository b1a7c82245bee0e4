import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getMilestones } from "@/app/api/milestones/route";
import { PUT as putWatch } from "@/app/api/workstreams/[slug]/watch/route";
import { GET as getWorkstreams } from "@/app/api/workstreams/route";
import { getDb } from "@/db";
import { milestones, statusHistory, workstreams, workstreamTranslations } from "@/db/schema";
import { setWatch } from "@/lib/commands/watches";
import { buildReportDocument } from "@/lib/reports/document";
import { renderJson } from "@/lib/reports/render/tabular";
import { buildReportData } from "@/lib/reports/report-data";
import { healthOf } from "@/lib/domain/health";
import { ATTENTION_PAGE_SIZE, listAttention, workstreamReasons } from "@/lib/queries/attention";
import { latestCompletionYear, statusTotals } from "@/lib/queries/stats";
import { listWorkstreamSummaries } from "@/lib/queries/workstreams";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";
import { invalidateReads } from "@/lib/queries/cache";

process.env.PUBLIC_READ = "1";
setupTestDatabase();
const TODAY = "2026-01-15";
const call = async (handler: (r: Request, c: never) => Response | Promise<Response>, url: string, init?: RequestInit, context?: unknown) => {
  const response = await handler(new Request(`http://localhost${url}`, init), context as never);
  return { response, body: await response.json() };
};
const slugsOf = async (query: string) => (await listWorkstreamSummaries({ q: query }, { page: 1, pageSize: 100 }, TODAY)).items.map((item) => item.slug);
/** A moment after the seed's own history entries (written at seeding time). */
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const workstreamId = async (slug: string) => (await getDb().select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!.id;
const milestonesOf = async (slug: string) =>
  await getDb()
    .select()
    .from(milestones)
    .where(eq(milestones.workstreamId, await workstreamId(slug)))
    .orderBy(milestones.id);

/** Sets a status as if an editor had: the row and a history entry, written directly. */
async function markLate(id: number, status: "delayed" | "at_risk", note: string, changedAt: string, actor = "Ana Silva <ana@un.org>") {
  const current = (await getDb().select().from(milestones).where(eq(milestones.id, id)).limit(1))[0]!;
  await getDb()
    .update(milestones)
    .set({ status, version: current.version + 1 })
    .where(eq(milestones.id, id));
  await getDb().insert(statusHistory).values({ milestoneId: id, fromStatus: current.status, toStatus: status, kind: "status", changedAt, actor, note });
}

describe("search", () => {
  it("finds the AI working group by its Chinese name, by an English word and by its abbreviation", async () => {
    expect(await slugsOf("人工智能")).toContain("ai-working-group");
    expect(await slugsOf("artificial")).toContain("ai-working-group");
    expect(await slugsOf("AI")).toContain("ai-working-group");
    expect(await slugsOf("artificial")).not.toContain("data-cube");
  });

  it("finds the OSH forum by the other common wording of its Chinese name", async () => {
    expect(await slugsOf("职业健康与安全")).toEqual(["occupational-health-safety-forum"]);
    expect(await slugsOf("职业安全与健康")).toContain("occupational-health-safety-forum");
    expect(await slugsOf("OSH")).toContain("occupational-health-safety-forum");
  });

  it("matches two Chinese characters, below the trigram's reach, with the LIKE fallback", async () => {
    expect(await slugsOf("伦理")).toContain("ai-working-group");
    expect(await slugsOf("qqzzxx")).toEqual([]);
  });

  it("narrows a workstream found only through one milestone to that milestone", async () => {
    const [first] = await milestonesOf("data-cube");
    const unique = "Zanzibar quarterly ledger";
    await getDb().update(milestones).set({ titleEn: unique }).where(eq(milestones.id, first!.id));
    const result = await listWorkstreamSummaries({ q: "zanzibar" }, { page: 1, pageSize: 100 }, TODAY);
    expect(result.items.map((item) => item.slug)).toEqual(["data-cube"]);
    expect(result.items[0]!.total).toBe(1);
    expect((await statusTotals({ q: "zanzibar" }, TODAY)).total).toBe(1);
  });

  it("keeps translations in the index: a French name added later is found, and forgotten once removed", async () => {
    const id = await workstreamId("multilingualism");
    await getDb()
      .insert(workstreamTranslations)
      .values({ workstreamId: id, locale: "fr", name: "Le multilinguisme, valeur fondamentale des Nations Unies", summary: null });
    // Written here without the commands, which would invalidate the cached reads themselves.
    invalidateReads("translations");
    expect(await slugsOf("valeur fondamentale")).toEqual(["multilingualism"]);
    await getDb().delete(workstreamTranslations).where(eq(workstreamTranslations.workstreamId, id));
    invalidateReads("translations");
    expect(await slugsOf("valeur fondamentale")).toEqual([]);
  });

  it("takes q on GET /api/workstreams and GET /api/milestones", async () => {
    const workstreamsFound = await call(getWorkstreams, `/api/workstreams?q=${encodeURIComponent("人工智能")}`);
    expect(workstreamsFound.response.status).toBe(200);
    expect(workstreamsFound.body.items.map((item: { slug: string }) => item.slug)).toContain("ai-working-group");
    const milestonesFound = await call(getMilestones, `/api/milestones?q=artificial&pageSize=200`);
    expect(milestonesFound.body.totalItems).toBeGreaterThan(0);
    expect(new Set(milestonesFound.body.items.map((item: { workstreamSlug: string }) => item.workstreamSlug))).toContain("ai-working-group");
    const tooLong = await call(getMilestones, `/api/milestones?q=${"x".repeat(201)}`);
    expect(tooLong.response.status).toBe(400);
  });
});

describe("attention", () => {
  it("lists delayed first with the reason, the author's name (not email) and the slip of a re-planned date", async () => {
    const [a, b] = await milestonesOf("data-cube");
    await getDb()
      .update(milestones)
      .set({
        date: "2027-06",
        datePrecision: "month",
        periodStart: "2027-06-01",
        periodEnd: "2027-06-30",
        baselineDate: "2026-12",
        baselinePrecision: "month",
        baselinePeriodStart: "2026-12-01",
        baselinePeriodEnd: "2026-12-31",
      })
      .where(eq(milestones.id, a!.id));
    await markLate(a!.id, "delayed", "Waiting for the finance network's data", later(1));
    await getDb()
      .update(milestones)
      .set({ date: "2027", datePrecision: "year", periodStart: "2027-01-01", periodEnd: "2027-12-31" })
      .where(eq(milestones.id, b!.id));
    await markLate(b!.id, "at_risk", "Two agencies have not reported", later(2));
    const list = await listAttention({}, TODAY, "en");
    const first = list.items[0]!;
    expect(first.id).toBe(a!.id);
    expect(first.level).toBe("delayed");
    expect(first.reason).toMatchObject({ note: "Waiting for the finance network's data", by: "Ana Silva" });
    expect(JSON.stringify(list.items)).not.toContain("ana@un.org");
    expect(first.date).toBe("2027-06");
    expect(first.baselineDate).toBe("2026-12");
    expect(first.slip).toEqual({ unit: "month", amount: 6 });
    // Overdue ones (the report's 2022 plans) come next, at risk last (on the last page).
    const levels = list.items.map((item) => item.level);
    expect(levels.indexOf("overdue")).toBeGreaterThan(0);
    const lastPage = await listAttention({}, TODAY, "en", { page: list.totalPages, pageSize: ATTENTION_PAGE_SIZE });
    expect(lastPage.items.at(-1)!.level).toBe("at_risk");
    expect(list.levels.delayed).toBe(1);
    expect(list.levels.at_risk).toBe(1);
  });

  it("shows twenty rows a page, and its pages together hold every late milestone once", async () => {
    const first = await listAttention({}, TODAY, "en");
    expect(ATTENTION_PAGE_SIZE).toBe(20);
    expect(first.totalItems).toBeGreaterThan(ATTENTION_PAGE_SIZE);
    expect(first.items).toHaveLength(ATTENTION_PAGE_SIZE);
    expect(first.totalPages).toBe(Math.ceil(first.totalItems / ATTENTION_PAGE_SIZE));
    const pages = await Promise.all(
      Array.from({ length: first.totalPages }, (_, index) => listAttention({}, TODAY, "en", { page: index + 1, pageSize: ATTENTION_PAGE_SIZE })),
    );
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toHaveLength(first.totalItems);
    expect(new Set(ids).size).toBe(first.totalItems);
  });

  it("follows the overview's filters", async () => {
    const delayedOnly = await listAttention({ status: ["delayed"] }, TODAY, "en");
    expect(delayedOnly.items.map((item) => item.workstreamSlug)).toEqual(["data-cube"]);
    const searched = await listAttention({ q: "人工智能" }, TODAY, "en");
    expect(searched.items.every((item) => item.workstreamSlug === "ai-working-group")).toBe(true);
  });

  it("puts the same list, with reason, name and slip, in the yearly summary and its JSON export", async () => {
    const [a] = await milestonesOf("data-cube");
    const data = await buildReportData(a!.year, { lang: "en" }, TODAY);
    const first = data.attention[0]!;
    expect(first.row.milestoneId).toBe(a!.id);
    expect(first).toMatchObject({ level: "delayed", reasonBy: "Ana Silva", baselineLabel: "December 2026", slip: { unit: "month", amount: 6 } });
    expect(first.row.reason).toBe("Waiting for the finance network's data");
    const text = JSON.stringify(buildReportDocument(data).blocks);
    expect(text).toContain("Reason recorded: Waiting for the finance network's data");
    expect(text).toContain("6 months later than first planned (December 2026)");
    expect(text).not.toContain("ana@un.org");
    const json = JSON.parse(renderJson(data));
    expect(json.overview.attention[0]).toMatchObject({ milestoneId: a!.id, level: "delayed", reasonBy: "Ana Silva" });
    const french = await buildReportData(a!.year, { lang: "fr" }, TODAY);
    expect(JSON.stringify(buildReportDocument(french).blocks)).toMatch(/6\smois plus tard que prévu initialement/);
  });

  it("lists only the first items on the report page, says how many more, and keeps every one in the downloads", async () => {
    // 2021, the report's own year: its open milestones are overdue by now.
    const data = await buildReportData(2021, { lang: "en" }, TODAY);
    expect(data.attention.length).toBeGreaterThan(1);
    const itemsOf = (blocks: ReturnType<typeof buildReportDocument>["blocks"]) =>
      blocks.flatMap((block) => (block.kind === "paragraph" && block.runs[0]?.text.startsWith("Needing attention") ? block.items : [])).length;
    const paged = buildReportDocument(data, { attentionLimit: 1 });
    expect(itemsOf(paged.blocks)).toBe(1);
    expect(JSON.stringify(paged.blocks)).toContain(`The first 1 of ${data.attention.length} are listed here; the downloads list every one.`);
    expect(itemsOf(buildReportDocument(data).blocks)).toBe(data.attention.length);
    expect(JSON.stringify(buildReportDocument(data, { attentionLimit: data.attention.length }).blocks)).not.toContain("are listed here");
  });

  it("gives each card the reason of its most pressing milestone", async () => {
    const reasons = await workstreamReasons([await workstreamId("data-cube")], {}, TODAY, "en");
    expect(reasons.get(await workstreamId("data-cube"))?.reason.note).toBe("Waiting for the finance network's data");
  });
});

describe("honest filtered figures, sorts and the watch list", () => {
  it("a filtered card carries the workstream's whole progress beside the selected counts", async () => {
    const [card] = (await listWorkstreamSummaries({ status: ["delayed", "at_risk"], body: undefined }, { page: 1, pageSize: 100 }, TODAY)).items.filter(
      (item) => item.slug === "data-cube",
    );
    const all = (await milestonesOf("data-cube")).filter((m) => m.status !== "cancelled");
    expect(card!.total).toBe(2);
    expect(card!.overall!.total).toBe(all.length);
    expect(card!.overall!.progress.completed).toBe(all.filter((m) => m.status === "completed").length);
    const unfiltered = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, TODAY)).items.find((item) => item.slug === "data-cube");
    expect(unfiltered!.overall).toBeNull();
  });

  it("sorts by health in the order of healthOf, by name, and most overdue first", async () => {
    const byHealth = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, TODAY, { sort: "health" })).items;
    const rank = { off_track: 0, at_risk: 1, on_track: 2 } as const;
    const ranks = byHealth.map((item) => rank[healthOf(item.counts, item.overdue)]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    const byOverdue = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, TODAY, { sort: "overdue" })).items.map((item) => item.overdue);
    expect(byOverdue).toEqual([...byOverdue].sort((x, y) => y - x));
    const byName = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, TODAY, { sort: "name" })).items.map((item) => item.nameEn.toLowerCase());
    expect(byName).toEqual([...byName].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    const updated = (await listWorkstreamSummaries({}, { page: 1, pageSize: 100 }, TODAY, { sort: "updated" })).items;
    expect(updated[0]!.slug).toBe("data-cube");
  });

  it("a viewer watches a workstream through the API and sees it first; a read-only token may not", async () => {
    const viewer = await makeUser("viewer");
    const context = { params: Promise.resolve({ slug: "ipsas-task-force" }) };
    const put = (token: string, watched: boolean) =>
      call(
        putWatch,
        "/api/workstreams/ipsas-task-force/watch",
        { method: "PUT", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ watched }) },
        context,
      );
    expect((await put(viewer.readToken, true)).response.status).toBe(403);
    const done = await put(viewer.token, true);
    expect(done.response.status).toBe(200);
    expect(done.body).toEqual({ slug: "ipsas-task-force", watched: true });
    const first = (await listWorkstreamSummaries({}, { page: 1, pageSize: 5 }, TODAY, { watcherId: viewer.actor.userId })).items[0]!;
    expect(first).toMatchObject({ slug: "ipsas-task-force", watched: true });
    const others = (await listWorkstreamSummaries({}, { page: 1, pageSize: 5 }, TODAY)).items[0]!;
    expect(others.slug).not.toBe("ipsas-task-force");
    await setWatch(viewer.actor, "ipsas-task-force", { watched: false });
    expect((await listWorkstreamSummaries({}, { page: 1, pageSize: 5 }, TODAY, { watcherId: viewer.actor.userId })).items[0]!.slug).not.toBe(
      "ipsas-task-force",
    );
    await expect(setWatch(null, "ipsas-task-force", { watched: true })).rejects.toThrow(/Sign in/);
    await expect(setWatch(viewer.actor, "no-such-thing", { watched: true })).rejects.toThrow(/No workstream/);
    await expect(setWatch(viewer.actor, "ipsas-task-force", { watched: "yes" })).rejects.toThrow(/Invalid/);
  });
});

describe("/reports", () => {
  it("opens the latest year in which milestones were completed: 2021 on the seed", async () => {
    expect(await latestCompletionYear()).toBe(2021);
    const latestAny = (
      await getDb()
        .select({ y: sql<number>`max(${milestones.year})` })
        .from(milestones)
        .limit(1)
    )[0]!.y;
    expect(latestAny).toBeGreaterThan(2021);
  });
});
