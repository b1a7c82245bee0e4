/**
 * Hostile input against the route handlers: each block is one finding of issue 10 (dates out of
 * range, control characters, body size, version-less removal, coerced ids) and fails without
 * its fix.
 */
import { eq } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteMilestone, GET as getMilestone, PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { GET as getHistory } from "@/app/api/milestones/[id]/history/route";
import { GET as listMilestones } from "@/app/api/milestones/route";
import { GET as getReport } from "@/app/api/reports/[year]/route";
import { GET as getTimeline } from "@/app/api/reports/timeline/route";
import { POST as postMilestone } from "@/app/api/workstreams/[slug]/milestones/route";
import { GET as getWorkstream, PATCH as patchWorkstream } from "@/app/api/workstreams/[slug]/route";
import { GET as listWorkstreams, POST as postWorkstream } from "@/app/api/workstreams/route";
import { PUT as putWatch } from "@/app/api/workstreams/[slug]/watch/route";
import { GET as getTimelineBars } from "@/app/api/timeline/route";
import { GET as getTimelineLanes } from "@/app/api/timeline/lanes/route";
import { GET as getTimelinePortfolio } from "@/app/api/timeline/portfolio/route";
import { GET as getReportWorkstreams } from "@/app/api/reports/[year]/workstreams/route";
import { getDb } from "@/db";
import { milestones, statusHistory, workstreams } from "@/db/schema";
import { countRows, onPostgres, setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase();

type Handler = (request: Request, context: never) => Response | Promise<Response>;
type CallOptions = { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> };

async function call(handler: Handler, method: string, url: string, params: Record<string, string> = {}, options: CallOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const request = new Request(`http://localhost${url}`, { method, headers, body, duplex: "half" } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  const type = response.headers.get("content-type") ?? "";
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = type.includes("json") ? JSON.parse(bytes.toString("utf8")) : null;
  return { status: response.status, type, body: json, bytes, headers: response.headers };
}
const names = (body: { "invalid-params"?: { name: string }[] } | null) => (body?.["invalid-params"] ?? []).map((param) => param.name);
const codes = (body: { "invalid-params"?: { code?: string }[] } | null) => (body?.["invalid-params"] ?? []).map((param) => param.code);

let editor: TestPrincipal;
let admin: TestPrincipal;

const openMilestone = async (slug = "data-cube") => {
  const db = getDb();
  const stream = (await db.select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!;
  return (await db.select().from(milestones).where(eq(milestones.workstreamId, stream.id)).orderBy(milestones.id)).find(
    (m) => m.status !== "completed" && !m.removedAt,
  )!;
};
const snapshot = async () => ({
  milestones: await getDb().select().from(milestones).orderBy(milestones.id),
  history: await countRows(statusHistory),
  workstreams: await getDb().select().from(workstreams).orderBy(workstreams.id),
});

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  editor = await makeUser("editor", { allWorkstreams: true });
  admin = await makeUser("admin");
});

describe("1. one date range for every date", () => {
  it.each([
    [{ date: "0001" }, "date"],
    [{ date: "9999-12" }, "date"],
    [{ date: "1944-12-31" }, "date"],
    [{ status: "completed", completedOn: "0000" }, "completedOn"],
    [{ status: "completed", completedOn: "1900-01" }, "completedOn"],
  ])("PATCH refuses %j with 422 naming %s, changing nothing", async (change, field) => {
    const target = await openMilestone();
    const before = await snapshot();
    const response = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        body: { version: target.version, ...change },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toContain(field);
    expect(codes(response.body)).toContain("dateRange");
    expect(response.body["invalid-params"].find((p: { name: string }) => p.name === field).reason).toBe("must be a date from 1945 to 2100");
    expect(await snapshot()).toEqual(before);
  });

  it("POST refuses a new milestone dated outside 1945–2100", async () => {
    const before = await snapshot();
    const response = await call(
      postMilestone as Handler,
      "POST",
      "/api/workstreams/data-cube/milestones",
      { slug: "data-cube" },
      {
        token: editor.token,
        body: { titleEn: "Far future", date: "9999-12" },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toEqual(["date"]);
    expect(await snapshot()).toEqual(before);
  });

  it("the edges of the range are accepted", async () => {
    const response = await call(
      postMilestone as Handler,
      "POST",
      "/api/workstreams/data-cube/milestones",
      { slug: "data-cube" },
      {
        token: editor.token,
        body: { titleEn: "Founding", date: "1945-10" },
      },
    );
    expect(response.status).toBe(201);
    const removed = await call(
      deleteMilestone as Handler,
      "DELETE",
      `/api/milestones/${response.body.id}`,
      { id: String(response.body.id) },
      {
        token: editor.token,
        body: { version: response.body.version },
      },
    );
    expect(removed.status).toBe(200);
  });
});

describe("2. text refuses control characters and non-characters", () => {
  const BAD: [string, string][] = [
    ["U+0001", "a\u0001b"],
    ["ESC", "a\u001bb"],
    ["NUL", "a\u0000b"],
    ["DEL", "a\u007fb"],
    ["C1 (U+0085)", "a\u0085b"],
    ["U+FFFE", "a\ufffeb"],
    ["U+FFFF", "a\uffffb"],
    ["U+FDD0", "a\ufdd0b"],
    ["U+1FFFF", "a\u{1ffff}b"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "a\udc00b"],
    ["a tab in a title", "a\tb"],
    ["a newline in a title", "a\nb"],
  ];

  it.each(BAD)("POST refuses a title with %s: 422 naming titleEn with code controlCharacters", async (_label, title) => {
    const before = await snapshot();
    const response = await call(
      postMilestone as Handler,
      "POST",
      "/api/workstreams/data-cube/milestones",
      { slug: "data-cube" },
      {
        token: editor.token,
        body: { titleEn: title, date: "2023-06" },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toEqual(["titleEn"]);
    expect(codes(response.body)).toEqual(["controlCharacters"]);
    expect(response.body["invalid-params"][0].reason).toBe("must not contain control characters or non-characters");
    expect(await snapshot()).toEqual(before);
  });

  it("POST refuses a Chinese quote with NUL: 422 naming quoteZh", async () => {
    const before = await snapshot();
    const response = await call(
      postMilestone as Handler,
      "POST",
      "/api/workstreams/data-cube/milestones",
      { slug: "data-cube" },
      { token: editor.token, body: { titleEn: "Quoted", date: "2023-06", quoteZh: "引文\u0000" } },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toEqual(["quoteZh"]);
    expect(codes(response.body)).toEqual(["controlCharacters"]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["titleZh", { titleZh: "标题\u0007" }],
    ["note", { status: "delayed", note: "late\u0000" }],
    ["evidence.0", { evidence: ["CEB/2022/1\u001b"] }],
    ["translations.fr", { translations: { fr: "Titre\uffff" } }],
  ])("PATCH refuses %s with a control or non-character", async (field, change) => {
    const target = await openMilestone();
    const before = await snapshot();
    const response = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        body: { version: target.version, ...change },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toContain(field);
    expect(codes(response.body)).toContain("controlCharacters");
    expect(await snapshot()).toEqual(before);
  });

  it("a note keeps its tabs and line breaks", async () => {
    const target = await openMilestone();
    const response = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        body: { version: target.version, status: "delayed", note: "Line one\r\n\tLine two\nEnd" },
      },
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ["nameEn", { nameEn: "Ocean\u0000" }],
    ["summaryEn", { summaryEn: "Sum\u0002mary" }],
    ["leads.0", { leads: ["UNEP\u001f"] }],
    ["translations.fr.name", { translations: { fr: { name: "Océan\ufffe" } } }],
  ])("POST /api/workstreams refuses %s with a control or non-character", async (field, change) => {
    const before = await snapshot();
    const response = await call(
      postWorkstream as Handler,
      "POST",
      "/api/workstreams",
      {},
      {
        token: admin.token,
        body: { slug: "ocean-action", nameEn: "Ocean action", bodyCode: "HLCP", ...change },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toContain(field);
    expect(codes(response.body)).toContain("controlCharacters");
    expect(await snapshot()).toEqual(before);
  });

  describe("exports never receive them, even from rows written around the validation", () => {
    let id = 0;
    beforeAll(async () => {
      const target = await openMilestone("ai-working-group");
      id = target.id;
      await getDb()
        .update(milestones)
        // PostgreSQL's text cannot hold NUL at all (it refuses the write), so only SQLite gets one.
        .set({ titleEn: `Bad\u0001title\u001b with${onPostgres ? "" : "\u0000"} NUL \ufffe\uffff end`, titleZh: "坏\u0007标题" })
        .where(eq(milestones.id, id));
    });

    it("CSV carries no control bytes", async () => {
      const response = await call(
        getReport as Handler,
        "GET",
        `/api/reports/${(await openMilestone("ai-working-group")).year}?format=csv`,
        {
          year: String((await openMilestone("ai-working-group")).year),
        },
        { token: admin.token },
      );
      expect(response.status).toBe(200);
      const text = response.bytes.toString("utf8");
      expect(text).toContain("Bad");
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/);
    });

    it("the XLSX's shared strings are well-formed XML characters only", async () => {
      const year = String((await openMilestone("ai-working-group")).year);
      const response = await call(getReport as Handler, "GET", `/api/reports/${year}?format=xlsx`, { year }, { token: admin.token });
      expect(response.status).toBe(200);
      const zip = await JSZip.loadAsync(response.bytes);
      const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
      expect(shared).toContain("Bad");
      expect(shared).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    });

    it("the timeline PNG and PDF render", async () => {
      const year = String((await openMilestone("ai-working-group")).year);
      for (const format of ["png", "pdf"]) {
        const response = await call(getTimeline as Handler, "GET", `/api/reports/timeline?format=${format}&year=${year}`, {}, { token: admin.token });
        expect(response.status, format).toBe(200);
      }
    });
  });
});

describe("4. a 64 KB cap on JSON writes, with authentication first", () => {
  const big = (bytes: number) => JSON.stringify({ version: 1, note: "x".repeat(bytes) });

  it("refuses a declared Content-Length over 64 KB with 413 problem+json", async () => {
    const target = await openMilestone();
    const response = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        raw: big(70_000),
        headers: { "content-length": "70016" },
      },
    );
    expect(response.status).toBe(413);
    expect(response.type).toContain("application/problem+json");
    expect(response.body).toMatchObject({ status: 413 });
  });

  it("refuses a streamed body once it passes 64 KB, without a Content-Length", async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"version":1,"note":"'));
      },
      pull(controller) {
        if (sent > 10 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await call(postWorkstream as Handler, "POST", "/api/workstreams", {}, { token: admin.token, raw: stream });
    expect(response.status).toBe(413);
    // It stopped reading soon after the cap instead of taking all 10 MB.
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it("the largest valid body (a workstream with every text at its longest) fits under the cap", async () => {
    const summary = "摘".repeat(5000);
    const body = {
      slug: "largest-valid",
      nameEn: "n".repeat(300),
      nameZh: "名".repeat(300),
      bodyCode: "HLCP",
      leads: Array.from({ length: 30 }, (_, i) => `L${i}`.padEnd(60, "x")),
      summaryEn: "s".repeat(5000),
      summaryZh: summary,
      paragraphs: Array.from({ length: 200 }, (_, i) => i + 1),
      translations: Object.fromEntries(["ar", "fr", "ru", "es"].map((lang) => [lang, { name: "t".repeat(300), summary: "s".repeat(5000) }])),
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(40_000);
    const response = await call(postWorkstream as Handler, "POST", "/api/workstreams", {}, { token: admin.token, body });
    expect(response.status).toBe(201);
  });

  it.each([
    ["PATCH /api/milestones/{id}", patchMilestone, "PATCH", "/api/milestones/1", { id: "1" }],
    ["DELETE /api/milestones/{id}", deleteMilestone, "DELETE", "/api/milestones/1", { id: "1" }],
    ["POST /api/workstreams/{slug}/milestones", postMilestone, "POST", "/api/workstreams/data-cube/milestones", { slug: "data-cube" }],
    ["POST /api/workstreams", postWorkstream, "POST", "/api/workstreams", {}],
    ["PATCH /api/workstreams/{slug}", patchWorkstream, "PATCH", "/api/workstreams/data-cube", { slug: "data-cube" }],
  ])("%s answers 401 to an anonymous writer without reading the body", async (_label, handler, method, url, params) => {
    let pulled = 0;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode("{}"));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await call(handler as Handler, method, url, params, { raw: stream });
    expect(response.status).toBe(401);
    expect(pulled).toBe(0);
  });

  it("a viewer's write is refused (403) before its body is read", async () => {
    const viewer = await makeUser("viewer");
    let pulled = 0;
    // highWaterMark 0: the stream is pulled only when someone reads it.
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode("{}"));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await call(postWorkstream as Handler, "POST", "/api/workstreams", {}, { token: viewer.token, raw: stream });
    expect(response.status).toBe(403);
    expect(pulled).toBe(0);
  });
});

describe("8. removal and every change need the version they are based on", () => {
  it("DELETE without version is refused with 422 naming version, and the milestone stays", async () => {
    const target = await openMilestone();
    const response = await call(
      deleteMilestone as Handler,
      "DELETE",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        body: { note: "no version" },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toEqual(["version"]);
    expect(codes(response.body)).toEqual(["versionRequired"]);
    expect((await getDb().select().from(milestones).where(eq(milestones.id, target.id)).limit(1))[0]!.removedAt).toBeNull();
  });

  it("DELETE with no body at all is refused the same way", async () => {
    const target = await openMilestone();
    const response = await call(deleteMilestone as Handler, "DELETE", `/api/milestones/${target.id}`, { id: String(target.id) }, { token: editor.token });
    expect(response.status).toBe(422);
    expect(names(response.body)).toEqual(["version"]);
  });

  it("DELETE with an old version is a 409 with the current state", async () => {
    const target = await openMilestone();
    const response = await call(
      deleteMilestone as Handler,
      "DELETE",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: editor.token,
        body: { version: target.version - 1 || 999 },
      },
    );
    expect(response.status).toBe(409);
    expect(response.body.current).toMatchObject({ id: target.id, version: target.version });
  });

  it("PATCH /api/workstreams/{slug} without version is refused with 422 naming version", async () => {
    const before = await snapshot();
    const response = await call(
      patchWorkstream as Handler,
      "PATCH",
      "/api/workstreams/data-cube",
      { slug: "data-cube" },
      {
        token: admin.token,
        body: { leads: ["UNSD"] },
      },
    );
    expect(response.status).toBe(422);
    expect(names(response.body)).toContain("version");
    expect(await snapshot()).toEqual(before);
  });

  it("PATCH /api/workstreams/{slug} on an old version is a 409 with the current workstream; the right one applies", async () => {
    const read = await call(getWorkstream as Handler, "GET", "/api/workstreams/data-cube", { slug: "data-cube" }, { token: admin.token });
    const version = read.body.version as number;
    expect(version).toBeGreaterThanOrEqual(1);
    const first = await call(
      patchWorkstream as Handler,
      "PATCH",
      "/api/workstreams/data-cube",
      { slug: "data-cube" },
      {
        token: admin.token,
        body: { version, leads: ["UNSD", "ECE"] },
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(version + 1);
    const stale = await call(
      patchWorkstream as Handler,
      "PATCH",
      "/api/workstreams/data-cube",
      { slug: "data-cube" },
      {
        token: admin.token,
        body: { version, leads: ["ECA"] },
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ slug: "data-cube", version: version + 1, leads: ["UNSD", "ECE"] });
  });
});

describe("9. ids, years and numbers are read strictly", () => {
  it.each(["0x21", "1e3", "033", "+33", "33.0", " 33", "0", "-1", "9007199254740993"])("milestone id %j is a 400 naming id", async (raw) => {
    for (const [handler, url] of [
      [getMilestone, `/api/milestones/${encodeURIComponent(raw)}`],
      [getHistory, `/api/milestones/${encodeURIComponent(raw)}/history`],
    ] as const) {
      const response = await call(handler as Handler, "GET", url, { id: raw }, { token: admin.token });
      expect(response.status, url).toBe(400);
      expect(names(response.body)).toEqual(["id"]);
    }
  });

  it.each(["0x7e5", "2021.0", "2e3", "02021", " 2021"])("report year %j is a 400 naming year", async (raw) => {
    const response = await call(getReport as Handler, "GET", `/api/reports/${encodeURIComponent(raw)}`, { year: raw }, { token: admin.token });
    expect(response.status).toBe(400);
    expect(names(response.body)).toContain("year");
  });

  it.each([
    ["year=0x7e5", "year"],
    ["year=2.021e3", "year"],
    ["page=1e1", "page"],
    ["page=0x2", "page"],
    ["pageSize=1e1", "pageSize"],
  ])("query %s is a 400 naming %s", async (query, name) => {
    for (const handler of [listMilestones, listWorkstreams]) {
      const response = await call(handler as Handler, "GET", `/api/x?${query}`, {}, { token: admin.token });
      expect(response.status).toBe(400);
      expect(names(response.body)).toContain(name);
    }
  });

  it("the timeline export and a workstream's page size are strict too", async () => {
    const timeline = await call(getTimeline as Handler, "GET", "/api/reports/timeline?year=2021&page=0x1", {}, { token: admin.token });
    expect(timeline.status).toBe(400);
    const stream = await call(getWorkstream as Handler, "GET", "/api/workstreams/data-cube?pageSize=1e2", { slug: "data-cube" }, { token: admin.token });
    expect(stream.status).toBe(400);
  });

  it("an unknown /api path answers a problem+json 404 for every method", async () => {
    const route = await import("@/app/api/[...path]/route");
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
      const handler = route[method] as Handler;
      const response = await call(handler, method, "/api/nope/deeper", { path: ["nope", "deeper"] } as never);
      expect(response.status, method).toBe(404);
      expect(response.type).toContain("application/problem+json");
      expect(response.body).toMatchObject({ status: 404, instance: "/api/nope/deeper" });
    }
  });
});

describe("11. a NUL in a path or a query is refused before any database sees it", () => {
  // PostgreSQL text cannot hold U+0000: a query carrying one fails inside the database unless the
  // boundary refuses it first, as SQLite's silent acceptance would hide.
  const NUL = "\u0000";
  const window = "from=2021-01-01&to=2021-12-31";

  it.each([
    ["the workstream list", listWorkstreams, "/api/workstreams?q=%00", "q"],
    ["the milestone list", listMilestones, "/api/milestones?q=a%00b", "q"],
    ["the milestone list's workstream", listMilestones, "/api/milestones?workstream=%00", "workstream"],
    ["the roadmap's bars", getTimelineBars, `/api/timeline?${window}&q=%00`, "q"],
    ["the roadmap's lanes", getTimelineLanes, "/api/timeline/lanes?q=%00", "q"],
    ["the roadmap's portfolio", getTimelinePortfolio, `/api/timeline/portfolio?${window}&q=%00`, "q"],
    ["the timeline export", getTimeline, "/api/reports/timeline?year=2021&q=%00", "q"],
    ["the report's workstreams", getReportWorkstreams, "/api/reports/2021/workstreams?q=%00", "q"],
  ])("%s: a 400 naming %s", async (_name, handler, url, field) => {
    const response = await call(handler as Handler, "GET", url, { year: "2021" }, { token: admin.token });
    expect(response.status, url).toBe(400);
    expect(names(response.body)).toContain(field);
  });

  it("every route with a workstream in its path refuses a NUL slug as a 400 naming slug, and changes nothing", async () => {
    const before = await snapshot();
    const slug = `data-cube${NUL}`;
    const calls = [
      [getWorkstream, "GET", undefined],
      [patchWorkstream, "PATCH", { version: 1, nameEn: "Renamed" }],
      [postMilestone, "POST", { title: "New", targetDate: "2022" }],
      [putWatch, "PUT", { watched: true }],
    ] as const;
    for (const [handler, method, body] of calls) {
      const response = await call(handler as Handler, method, `/api/workstreams/${encodeURIComponent(slug)}`, { slug }, { token: admin.token, body });
      expect(response.status, method).toBe(400);
      expect(response.type).toContain("application/problem+json");
      expect(names(response.body), method).toEqual(["slug"]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("5. authenticated API answers are never cached", () => {
  it("JSON reads and problems carry Cache-Control: no-store", async () => {
    const ok = await call(listWorkstreams as Handler, "GET", "/api/workstreams", {}, { token: admin.token });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const refused = await call(listWorkstreams as Handler, "GET", "/api/workstreams?yaer=2021", {}, { token: admin.token });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
