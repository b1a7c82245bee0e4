import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as getBars } from "@/app/api/timeline/route";
import { GET as getLanes } from "@/app/api/timeline/lanes/route";
import { GET as getPortfolio } from "@/app/api/timeline/portfolio/route";
import { getDb } from "@/db";
import { milestones, workstreams } from "@/db/schema";
import { updateMilestone } from "@/lib/commands/milestones";
import { BAR_ONGOING } from "@/lib/domain/timeline-bar";
import { dayOf } from "@/lib/domain/timeline-window";
import { searchCondition } from "@/lib/queries/search";
import type { CompactBar, TimelineFrame } from "@/lib/queries/timeline";
import { directReads } from "../../scripts/direct-reads.mjs";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

setupTestDatabase();
const call = async (handler: (r: Request, c: never) => Response | Promise<Response>, url: string) => {
  const response = await handler(new Request(`http://localhost${url}`), undefined as never);
  return { response, body: await response.json() };
};
const ALL_2021_2022 = "from=2021-01-01&to=2022-12-31";

describe("GET /api/timeline (the roadmap's read API)", () => {
  it("refuses a reader without an account when reading is not public", async () => {
    process.env.PUBLIC_READ = "0";
    const { response } = await call(getBars, `/api/timeline?${ALL_2021_2022}`);
    expect(response.status).toBe(401);
    process.env.PUBLIC_READ = "1";
  });

  it("answers a bad window with problem+json naming the parameter", async () => {
    process.env.PUBLIC_READ = "1";
    const { response, body } = await call(getBars, "/api/timeline?from=2021-02-30&to=2021-01-01&limit=5000");
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const names = body["invalid-params"].map((param: { name: string }) => param.name);
    expect(names).toEqual(expect.arrayContaining(["from", "limit"]));
    const tooLong = await call(getBars, "/api/timeline?from=2010-01-01&to=2021-01-01");
    expect(tooLong.response.status).toBe(400);
    // A window that ends before it starts names `to` and says why.
    const reversed = await call(getBars, "/api/timeline?from=2022-01-01&to=2021-06-30");
    expect(reversed.response.status).toBe(400);
    expect(reversed.body["invalid-params"]).toEqual([expect.objectContaining({ name: "to", reason: "must not be before from", code: "notBeforeFrom" })]);
  });

  it("gives every lane its rows, grouped by parent body, without pages", async () => {
    const { body } = await call(getLanes, "/api/timeline/lanes");
    const frame = body as TimelineFrame;
    const streams = await getDb().select().from(workstreams);
    expect(frame.lanes).toHaveLength(streams.length);
    expect(frame.totalRows).toBe(frame.lanes.reduce((sum, lane) => sum + lane.rows, 0));
    // Lanes of one group are next to each other.
    const order = frame.lanes.map((lane) => lane.group).filter((group, i, all) => group !== all[i - 1]);
    expect(new Set(order).size).toBe(order.length);
    const hlcp = await call(getLanes, "/api/timeline/lanes?body=HLCP&lang=fr");
    expect(hlcp.body.lanes.length).toBeLessThan(streams.length);
    expect(hlcp.body.groups.map((group: { code: string }) => group.code)).toContain("HLCP");
  });

  it("names a page of lanes on request, with every lane's rows and every group's lane count", async () => {
    process.env.PUBLIC_READ = "1";
    const { body: all } = await call(getLanes, "/api/timeline/lanes");
    const { response, body: page } = await call(getLanes, "/api/timeline/lanes?offset=2&limit=3");
    expect(response.status).toBe(200);
    expect(page.laneOffset).toBe(2);
    expect(page.lanes).toEqual(all.lanes.slice(2, 5));
    expect(page.laneRows).toEqual(all.lanes.map((lane: { rows: number }) => lane.rows));
    expect(page.groups.reduce((sum: number, group: { lanes: number }) => sum + group.lanes, 0)).toBe(all.lanes.length);
    // A group's lanes follow each other: its count covers exactly its lanes.
    let lane = 0;
    for (const group of page.groups as { code: string; lanes: number }[]) {
      expect(all.lanes.slice(lane, lane + group.lanes).every((each: { group: string }) => each.group === group.code)).toBe(true);
      lane += group.lanes;
    }
    const bad = await call(getLanes, "/api/timeline/lanes?offset=-1&limit=0");
    expect(bad.response.status).toBe(400);
    expect(bad.body["invalid-params"].map((param: { name: string }) => param.name)).toEqual(expect.arrayContaining(["offset", "limit"]));
  });

  it("returns each bar of the rows asked for once, in its window, with its rows and status", async () => {
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    const { body } = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=${frame.totalRows}`);
    const bars = body.bars as CompactBar[];
    const inWindow = (await getDb().select().from(milestones)).filter(
      (m) => m.periodStart <= "2022-12-31" && (m.periodEnd >= "2021-01-01" || m.status === "ongoing"),
    );
    expect(bars.map((bar) => bar[0]).sort((a, b) => a - b)).toEqual(inWindow.map((m) => m.id).sort((a, b) => a - b));
    for (const bar of bars) {
      const row = (await getDb().select().from(milestones).where(eq(milestones.id, bar[0])).limit(1))[0]!;
      expect(bar[2]).toBe(dayOf(row.periodStart));
      expect(frame.statuses[bar[5]]).toBe(row.status);
    }
    // Bars of one row never overlap.
    const byRow = new Map<number, CompactBar[]>();
    for (const bar of bars) byRow.set(bar[1], [...(byRow.get(bar[1]) ?? []), bar]);
    for (const rowBars of byRow.values()) {
      const sorted = [...rowBars].sort((a, b) => a[2] - b[2]);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]![2]).toBeGreaterThan(sorted[i - 1]![4]);
    }
    const some = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=2`);
    expect(some.body.bars.every((bar: CompactBar) => bar[1] < 2)).toBe(true);
  });

  it("draws a status change as a new segment, and the bar runs on to it", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    const target = (await getDb().select().from(milestones).where(eq(milestones.status, "in_progress")).limit(1))[0]!;
    await updateMilestone(editor.actor, target.id, { version: target.version, status: "delayed", note: "Moved to next session" });
    const today = new Date().toISOString().slice(0, 10);
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    const { body } = await call(getBars, `/api/timeline?from=${today}&to=${today}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
    const bar = (body.bars as CompactBar[]).find((candidate) => candidate[0] === target.id)!;
    expect(bar).toBeDefined();
    expect(bar[4]).toBe(dayOf(today));
    const segments = bar[10];
    expect(frame.statuses[segments.at(-1)!]).toBe("delayed");
    expect(segments.at(-2)).toBe(dayOf(today));
    expect(frame.statuses[segments[1]!]).toBe("in_progress");
  });

  it("carries the baseline of a re-planned milestone", async () => {
    const target = (await getDb().select().from(milestones).where(eq(milestones.date, "2021")).limit(1))[0]!;
    await getDb()
      .update(milestones)
      .set({
        baselineDate: "2020-10",
        baselinePrecision: "month",
        baselinePeriodStart: "2020-10-01",
        baselinePeriodEnd: "2020-10-31",
        version: target.version + 1,
        updatedAt: new Date().toISOString(),
      })
      .where(eq(milestones.id, target.id));
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    const { body } = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
    const bar = (body.bars as CompactBar[]).find((candidate) => candidate[0] === target.id)!;
    expect(bar[11]).toEqual([dayOf("2020-10-01"), dayOf("2020-10-31")]);
  });

  it("counts milestones per status at each quarter's end", async () => {
    const { body } = await call(getPortfolio, `/api/timeline/portfolio?${ALL_2021_2022}`);
    expect(body.quarters.map((q: { quarterEnd: string }) => q.quarterEnd)).toEqual([
      "2021-03-31",
      "2021-06-30",
      "2021-09-30",
      "2021-12-31",
      "2022-03-31",
      "2022-06-30",
      "2022-09-30",
      "2022-12-31",
    ]);
    const begun = (await getDb().select().from(milestones)).filter((m) => !m.removedAt && m.periodStart <= "2022-12-31").length;
    const last = body.quarters.at(-1).counts as Record<string, number>;
    expect(Object.values(last).reduce((a, b) => a + b, 0)).toBe(begun);
  });

  it("draws ongoing work as a band that runs on to today and beyond its period", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    const open = ["planned", "in_progress"];
    const target = (await getDb().select().from(milestones)).find(
      (m) => open.includes(m.status) && !m.removedAt && m.periodStart >= "2021-01-01" && m.periodEnd <= "2022-12-31",
    )!;
    await updateMilestone(editor.actor, target.id, { version: target.version, status: "ongoing" });
    const today = new Date().toISOString().slice(0, 10);
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    // A window long after its period (which ended in 2021) still shows it, running on.
    const { body } = await call(getBars, `/api/timeline?from=${today}&to=${today}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
    const bar = (body.bars as CompactBar[]).find((candidate) => candidate[0] === target.id)!;
    expect(bar).toBeDefined();
    expect(bar[3]).toBe(dayOf(target.periodEnd));
    expect(bar[4]).toBe(dayOf(today));
    expect(bar[7] & BAR_ONGOING).toBe(BAR_ONGOING);
    // Ongoing work has no end to miss: never overdue.
    expect(bar[7] & 1).toBe(0);
    // No other bar shares its row after it starts.
    const { body: all } = await call(getBars, `/api/timeline?from=2021-01-01&to=2026-06-01&offset=${bar[1]}&limit=1`);
    expect((all.bars as CompactBar[]).filter((other) => other[0] !== target.id && other[2] >= bar[2])).toEqual([]);
  });

  it("gives late milestones their latest reason, with the author's name and never an email", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    const inWindow = (await getDb().select().from(milestones)).filter((m) => !m.removedAt && m.periodStart >= "2021-01-01" && m.periodEnd <= "2022-12-31");
    const target = inWindow.find((m) => m.status === "planned" || m.status === "in_progress")!;
    await updateMilestone(editor.actor, target.id, { version: target.version, status: "at_risk", note: "Awaiting the budget vote" });
    const calm = inWindow.find((m) => m.status === "completed")!;
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    const { body } = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
    const bars = body.bars as CompactBar[];
    const bar = bars.find((candidate) => candidate[0] === target.id)!;
    expect(bar[12]).toEqual(["Awaiting the budget vote", editor.actor.name, expect.any(String)]);
    expect(JSON.stringify(bar[12])).not.toContain("@");
    expect(bars.find((candidate) => candidate[0] === calm.id)?.[12]).toBe(0);
  });

  it("shows a reason written after the bars were read on the next read", async () => {
    process.env.PUBLIC_READ = "1";
    const editor = await makeUser("editor", { allWorkstreams: true });
    const target = (await getDb().select().from(milestones)).find(
      (m) => !m.removedAt && (m.status === "planned" || m.status === "in_progress") && m.periodStart >= "2021-01-01" && m.periodEnd <= "2022-12-31",
    )!;
    const reasonOf = async () => {
      const { body: frame } = await call(getLanes, "/api/timeline/lanes");
      const { body } = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
      return (body.bars as CompactBar[]).find((candidate) => candidate[0] === target.id)?.[12];
    };
    await updateMilestone(editor.actor, target.id, { version: target.version, status: "delayed", note: "Waiting for the partners" });
    expect((await reasonOf()) as unknown).toEqual(["Waiting for the partners", editor.actor.name, expect.any(String)]);
    await updateMilestone(editor.actor, target.id, { version: target.version + 1, status: "at_risk", note: "The partners withdrew" });
    expect((await reasonOf()) as unknown).toEqual(["The partners withdrew", editor.actor.name, expect.any(String)]);
  });

  it("honours the search filter `q` like the other filters, in the lanes, the bars and the counts", async () => {
    const { body: frame } = await call(getLanes, "/api/timeline/lanes");
    const { body: everything } = await call(getBars, `/api/timeline?${ALL_2021_2022}&offset=0&limit=${Math.min(frame.totalRows, 200)}`);
    const q = "budget";
    const matching = (
      await getDb()
        .select({ id: milestones.id })
        .from(milestones)
        .where(and(isNull(milestones.removedAt), searchCondition(q)))
    ).map((row) => row.id);
    expect(matching.length).toBeGreaterThan(0);
    const { body: searchedFrame } = await call(getLanes, `/api/timeline/lanes?q=${q}`);
    expect(searchedFrame.lanes.reduce((sum: number, lane: { count: number }) => sum + lane.count, 0)).toBe(matching.length);
    const { body: searched } = await call(getBars, `/api/timeline?${ALL_2021_2022}&q=${q}&offset=0&limit=${Math.min(searchedFrame.totalRows, 200)}`);
    const ids = (searched.bars as CompactBar[]).map((bar) => bar[0]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(everything.bars.length);
    expect(ids.every((id) => matching.includes(id))).toBe(true);
    const { body: portfolio } = await call(getPortfolio, `/api/timeline/portfolio?${ALL_2021_2022}&q=${q}`);
    const last = portfolio.quarters.at(-1).counts as Record<string, number>;
    expect(Object.values(last).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(matching.length);
  });

  it("filters to one workstream (the link from its page): one lane, only its bars and counts; a bad slug is refused", async () => {
    const stream = (await getDb().select().from(workstreams).where(eq(workstreams.slug, "ai-working-group")).limit(1))[0]!;
    const own = (
      await getDb()
        .select({ id: milestones.id })
        .from(milestones)
        .where(and(eq(milestones.workstreamId, stream.id), isNull(milestones.removedAt)))
    ).map((row) => row.id);
    expect(own.length).toBeGreaterThan(0);
    const { body: frame } = await call(getLanes, `/api/timeline/lanes?workstream=${stream.slug}`);
    expect(frame.lanes.map((lane: { slug: string }) => lane.slug)).toEqual([stream.slug]);
    expect(frame.lanes[0].count).toBe(own.length);
    const { body: ownBars } = await call(getBars, `/api/timeline?${ALL_2021_2022}&workstream=${stream.slug}&offset=0&limit=${frame.totalRows}`);
    const ids = (ownBars.bars as CompactBar[]).map((bar) => bar[0]);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => own.includes(id))).toBe(true);
    const { body: portfolio } = await call(getPortfolio, `/api/timeline/portfolio?${ALL_2021_2022}&workstream=${stream.slug}`);
    const last = portfolio.quarters.at(-1).counts as Record<string, number>;
    expect(Object.values(last).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(own.length);
    const bad = await call(getLanes, "/api/timeline/lanes?workstream=Not%20a%20slug");
    expect(bad.response.status).toBe(400);
    expect(bad.body["invalid-params"][0].name).toBe("workstream");
  });
});

describe("the server's direct answer (ADR 022)", () => {
  const directly = (url: string, headers: Record<string, string> = {}) =>
    directReads().get("/api/timeline")!({ method: "GET", url: `http://localhost${url}`, headers: new Headers(headers) });

  it("is the route handler's answer: the same body and validators, with the headers Next adds to the API", async () => {
    process.env.PUBLIC_READ = "1";
    for (const url of [`/api/timeline?${ALL_2021_2022}`, `/api/timeline?${ALL_2021_2022}&offset=3&limit=7&lang=ar&status=completed`]) {
      const routed = await call(getBars, url);
      const direct = await directly(url);
      expect(direct).not.toBeNull();
      expect(direct!.status).toBe(200);
      expect(JSON.parse(direct!.body)).toEqual(routed.body);
      for (const name of ["cache-control", "etag"]) expect(direct!.headers[name], name).toBe(routed.response.headers.get(name));
      expect(direct!.headers).toMatchObject({
        "content-type": "application/json",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });

  it("leaves every refusal to the route handler, which answers it with problem details", async () => {
    process.env.PUBLIC_READ = "1";
    expect(await directly("/api/timeline?from=2022-01-01&to=2021-06-30")).toBeNull();
    expect(await directly(`/api/timeline?${ALL_2021_2022}`, { authorization: "Bearer not-a-token" })).toBeNull();
    process.env.PUBLIC_READ = "0";
    expect(await directly(`/api/timeline?${ALL_2021_2022}`)).toBeNull();
    process.env.PUBLIC_READ = "1";
  });
});
