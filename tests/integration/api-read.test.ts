import { describe, expect, it } from "vitest";
import { GET as getMilestones } from "@/app/api/milestones/route";
import { GET as getWorkstream } from "@/app/api/workstreams/[slug]/route";
import { GET as getWorkstreams } from "@/app/api/workstreams/route";
import { milestones, workstreams } from "@/db/schema";
import { reportSeed as reportSeedData } from "@/db/seed/report-e-2022-13";
import type { ReportSeed } from "@/db/seed/seed-schema";

const reportSeed: ReportSeed = reportSeedData;
import { countRows, setupTestDatabase } from "../setup/test-database";

// These tests cover reading itself; access control has its own tests (milestone-writes).
process.env.PUBLIC_READ = "1";
setupTestDatabase();
const call = async (handler: (r: Request, c: never) => Response | Promise<Response>, url: string, context?: unknown) => {
  const response = await handler(new Request(`http://localhost${url}`), context as never);
  return { response, body: await response.json() };
};
const slugContext = (slug: string) => ({ params: Promise.resolve({ slug }) });
const seededMilestones = reportSeed.workstreams.flatMap((stream) => stream.milestones);

describe("GET /api/workstreams", () => {
  it("lists every seeded workstream with counts that agree with the database", async () => {
    const { response, body } = await call(getWorkstreams, "/api/workstreams?pageSize=100");
    expect(response.status).toBe(200);
    expect(body.totalItems).toBe(reportSeed.workstreams.length);
    const ai = body.items.find((item: { slug: string }) => item.slug === "ai-working-group");
    expect(ai.leads).toEqual(expect.arrayContaining(["UNESCO", "ITU"]));
    const aiSeed = reportSeed.workstreams.find((stream) => stream.slug === "ai-working-group")!;
    expect(ai.total).toBe(aiSeed.milestones.length);
    expect(ai.counts.completed).toBe(aiSeed.milestones.filter((m) => m.status === "completed").length);
    const totalInDb = await countRows(milestones);
    expect(body.items.reduce((sum: number, item: { total: number }) => sum + item.total, 0)).toBe(totalInDb);
  });

  it("paginates", async () => {
    const first = await call(getWorkstreams, "/api/workstreams?pageSize=5&page=1");
    const second = await call(getWorkstreams, "/api/workstreams?pageSize=5&page=2");
    expect(first.body.items).toHaveLength(5);
    expect(first.body.totalPages).toBe(Math.ceil(reportSeed.workstreams.length / 5));
    const overlap = first.body.items.filter((a: { slug: string }) => second.body.items.some((b: { slug: string }) => b.slug === a.slug));
    expect(overlap).toEqual([]);
  });

  it("filters by parent body including the networks under it", async () => {
    const { body } = await call(getWorkstreams, "/api/workstreams?body=HLCM&pageSize=100");
    const hlcmCodes = new Set(reportSeed.bodies.filter((b) => b.code === "HLCM" || b.parentCode === "HLCM").map((b) => b.code));
    const expected = reportSeed.workstreams.filter((stream) => hlcmCodes.has(stream.bodyCode)).length;
    expect(body.totalItems).toBe(expected);
    expect(body.items.every((item: { bodyCode: string }) => hlcmCodes.has(item.bodyCode))).toBe(true);
  });

  it("filters by year, keeping only workstreams with milestones that year", async () => {
    const { body } = await call(getWorkstreams, "/api/workstreams?year=2022&pageSize=100");
    const expected = reportSeed.workstreams.filter((stream) => stream.milestones.some((m) => m.date.startsWith("2022")));
    expect(body.totalItems).toBe(expected.length);
  });

  it.each([
    ["year=abc", "year"],
    ["status=finished", "status"],
    ["page=-1", "page"],
    ["colour=red", "colour"],
  ])("refuses %s with a problem naming %s", async (query, name) => {
    const { response, body } = await call(getWorkstreams, `/api/workstreams?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(body.status).toBe(400);
    expect(body["invalid-params"].map((param: { name: string }) => param.name)).toContain(name);
  });
});

describe("GET /api/workstreams/{slug}", () => {
  it("returns the workstream with its milestones in date order", async () => {
    const { response, body } = await call(getWorkstream, "/api/workstreams/ai-working-group", slugContext("ai-working-group"));
    expect(response.status).toBe(200);
    expect(body.paragraphs).toEqual(expect.arrayContaining([27, 28, 29]));
    const dates = body.milestones.items.map((m: { periodStart: string }) => m.periodStart);
    expect(dates).toEqual([...dates].sort());
    expect(body.milestones.items[0]).toMatchObject({ sourceParagraph: expect.any(Number), version: 1 });
  });

  it("answers 404 problem+json for an unknown slug", async () => {
    const { response, body } = await call(getWorkstream, "/api/workstreams/no-such-thing", slugContext("no-such-thing"));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(body.detail).toContain("no-such-thing");
  });

  it("answers 400 for a malformed slug", async () => {
    const { response, body } = await call(getWorkstream, "/api/workstreams/Bad%20Slug", slugContext("Bad Slug"));
    expect(response.status).toBe(400);
    expect(body["invalid-params"][0].name).toBe("slug");
  });
});

describe("GET /api/milestones", () => {
  it("filters by workstream and status", async () => {
    const { body } = await call(getMilestones, "/api/milestones?workstream=inequalities-task-team&status=completed");
    const expected = reportSeed.workstreams.find((stream) => stream.slug === "inequalities-task-team")!.milestones.filter((m) => m.status === "completed");
    expect(body.totalItems).toBe(expected.length);
    expect(body.items.every((m: { status: string }) => m.status === "completed")).toBe(true);
  });

  it("keeps a month-precision date as a month", async () => {
    const { body } = await call(getMilestones, "/api/milestones?pageSize=200");
    const monthly = body.items.filter((m: { datePrecision: string }) => m.datePrecision === "month");
    expect(monthly.length).toBeGreaterThan(0);
    for (const milestone of monthly) expect(milestone.date).toMatch(/^\d{4}-\d{2}$/);
  });

  it("counts every seeded milestone", async () => {
    const { body } = await call(getMilestones, "/api/milestones?pageSize=1");
    expect(body.totalItems).toBe(seededMilestones.length);
    expect(await countRows(workstreams)).toBe(reportSeed.workstreams.length);
  });

  it("refuses a bad year with 400, never 500", async () => {
    const { response, body } = await call(getMilestones, "/api/milestones?year=2021.5");
    expect(response.status).toBe(400);
    expect(body["invalid-params"][0]).toMatchObject({ name: "year" });
  });
});
