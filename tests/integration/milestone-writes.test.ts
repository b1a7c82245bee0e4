import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteMilestone, GET as getMilestone, PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { GET as getHistory } from "@/app/api/milestones/[id]/history/route";
import { GET as listMilestones } from "@/app/api/milestones/route";
import { POST as postMilestone } from "@/app/api/workstreams/[slug]/milestones/route";
import { getDb } from "@/db";
import { milestones, statusHistory, workstreams } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { countRows, setupTestDatabase } from "../setup/test-database";
import { makeUser, TEST_PASSWORD, type TestPrincipal } from "../setup/users";

setupTestDatabase();

type Handler = (request: Request, context: never) => Response | Promise<Response>;
async function call(
  handler: Handler,
  method: string,
  url: string,
  params: Record<string, string>,
  options: { token?: string; cookie?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) Object.assign(headers, { cookie: options.cookie, origin: "http://localhost:3000" });
  const request = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json(), type: response.headers.get("content-type") };
}

const ASSIGNED = "ai-working-group";
const OTHER = "data-cube";
const principals: Record<string, TestPrincipal | null> = {};

async function milestoneOf(slug: string) {
  const db = getDb();
  const workstream = (await db.select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!;
  return (await db.select().from(milestones).where(eq(milestones.workstreamId, workstream.id)).orderBy(milestones.id)).find((m) => m.status !== "completed")!;
}

async function snapshot() {
  const db = getDb();
  return { milestones: await db.select().from(milestones).orderBy(milestones.id), history: await countRows(statusHistory) };
}

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  principals.anonymous = null;
  principals.viewer = await makeUser("viewer");
  principals.editorNotAssigned = await makeUser("editor", { assignedSlugs: [OTHER] });
  principals.editorAssigned = await makeUser("editor", { assignedSlugs: [ASSIGNED] });
  principals.admin = await makeUser("admin");
});

describe("who may write (every role × every write)", () => {
  const expected: Record<string, { patch: number; post: number; remove: number }> = {
    anonymous: { patch: 401, post: 401, remove: 401 },
    viewer: { patch: 403, post: 403, remove: 403 },
    editorNotAssigned: { patch: 403, post: 403, remove: 403 },
    editorAssigned: { patch: 200, post: 201, remove: 200 },
    admin: { patch: 200, post: 201, remove: 200 },
  };

  for (const [who, codes] of Object.entries(expected)) {
    it(`${who}: PATCH ${codes.patch}, POST ${codes.post}, DELETE ${codes.remove}; a refused write changes nothing`, async () => {
      const token = principals[who]?.token;
      const target = await milestoneOf(ASSIGNED);
      const before = await snapshot();

      const patch = await call(
        patchMilestone as Handler,
        "PATCH",
        `/api/milestones/${target.id}`,
        { id: String(target.id) },
        {
          token,
          body: { version: target.version, status: "at_risk", note: `checked by ${who}` },
        },
      );
      expect(patch.status).toBe(codes.patch);
      const post = await call(
        postMilestone as Handler,
        "POST",
        `/api/workstreams/${ASSIGNED}/milestones`,
        { slug: ASSIGNED },
        {
          token,
          body: { titleEn: `Added by ${who}`, date: "2023-03" },
        },
      );
      expect(post.status).toBe(codes.post);
      const victim = post.status === 201 ? post.body.id : target.id;
      const victimVersion = post.status === 201 ? post.body.version : patch.status === 200 ? patch.body.version : target.version;
      const remove = await call(
        deleteMilestone as Handler,
        "DELETE",
        `/api/milestones/${victim}`,
        { id: String(victim) },
        {
          token,
          body: { version: victimVersion, note: "test removal" },
        },
      );
      expect(remove.status).toBe(codes.remove);

      if (codes.patch !== 200) {
        for (const response of [patch, post, remove]) expect(response.type).toContain("application/problem+json");
        expect(await snapshot()).toEqual(before);
      } else {
        expect(patch.body).toMatchObject({ status: "at_risk", version: target.version + 1 });
      }
    });
  }

  it("a read-scoped token of an admin cannot write", async () => {
    const target = await milestoneOf(ASSIGNED);
    const before = await snapshot();
    const patch = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.readToken,
        body: { version: target.version, status: "delayed", note: "read token" },
      },
    );
    expect(patch.status).toBe(403);
    expect(patch.body.detail).toMatch(/read-only/);
    expect(await snapshot()).toEqual(before);
  });

  it("a read-scoped token can read; no token cannot when reading is private", async () => {
    const withToken = await call(listMilestones as Handler, "GET", "/api/milestones?pageSize=1", {}, { token: principals.viewer!.readToken });
    expect(withToken.status).toBe(200);
    const without = await call(listMilestones as Handler, "GET", "/api/milestones?pageSize=1", {});
    expect(without.status).toBe(401);
  });

  it("the API takes writes with a token only: an admin's own session cookie is refused 401 and changes nothing, yet reads; the token writes", async () => {
    const signIn = (await getAuth().api.signInEmail({
      body: { email: principals.admin!.email, password: TEST_PASSWORD },
      returnHeaders: true,
    })) as { headers: Headers };
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(";")[0]!)
      .join("; ");
    const target = await milestoneOf(ASSIGNED);
    const before = await snapshot();
    const body = { version: target.version, status: "delayed", note: "from a cookie" };
    const withCookie = await call(patchMilestone as Handler, "PATCH", `/api/milestones/${target.id}`, { id: String(target.id) }, { cookie, body });
    expect(withCookie.status).toBe(401);
    expect(withCookie.type).toBe("application/problem+json");
    expect(withCookie.body.detail).toMatch(/need an API token/);
    const create = await call(
      postMilestone as Handler,
      "POST",
      `/api/workstreams/${ASSIGNED}/milestones`,
      { slug: ASSIGNED },
      {
        cookie,
        body: { titleEn: "From a cookie", date: "2024" },
      },
    );
    expect(create.status).toBe(401);
    expect(await snapshot()).toEqual(before);

    const read = await call(getMilestone as Handler, "GET", `/api/milestones/${target.id}`, { id: String(target.id) }, { cookie });
    expect(read.status).toBe(200);
    // The same kind of write with the admin's token goes through as before.
    const withToken = await call(
      postMilestone as Handler,
      "POST",
      `/api/workstreams/${ASSIGNED}/milestones`,
      { slug: ASSIGNED },
      {
        token: principals.admin!.token,
        body: { titleEn: "From a token", date: "2024" },
      },
    );
    expect(withToken.status).toBe(201);
  });

  it("a revoked or unknown token is refused with 401", async () => {
    const bogus = await call(listMilestones as Handler, "GET", "/api/milestones", {}, { token: "ceb_not-a-real-token" });
    expect(bogus.status).toBe(401);
    expect(bogus.body.detail).toMatch(/unknown or has been revoked/);
  });
});

describe("status changes", () => {
  it("appends one history entry with who, from, to, note and evidence", async () => {
    const target = await milestoneOf(ASSIGNED);
    const historyBefore = await countRows(statusHistory);
    const result = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.token,
        body: { version: target.version, status: "delayed", note: "Waiting for member states", evidence: ["CEB/2022/1", "https://unsceb.org/x"] },
      },
    );
    expect(result.status).toBe(200);
    expect(await countRows(statusHistory)).toBe(historyBefore + 1);
    const history = await call(
      getHistory as Handler,
      "GET",
      `/api/milestones/${target.id}/history`,
      { id: String(target.id) },
      { token: principals.viewer!.token },
    );
    expect(history.body.entries[0]).toMatchObject({
      kind: "status",
      fromStatus: target.status,
      toStatus: "delayed",
      note: "Waiting for member states",
      // A viewer sees the editor's name, never their email.
      actor: principals.admin!.actor.name,
      evidence: [
        { kind: "symbol", value: "CEB/2022/1" },
        { kind: "url", value: "https://unsceb.org/x" },
      ],
    });
    expect(result.body.evidence).toEqual(expect.arrayContaining([{ kind: "symbol", value: "CEB/2022/1" }]));
  });

  it("refuses a write based on an old version with 409 and the current state", async () => {
    const target = await milestoneOf(ASSIGNED);
    const first = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.editorAssigned!.token,
        body: { version: target.version, status: "in_progress" },
      },
    );
    expect(first.status).toBe(200);
    const before = await snapshot();
    const second = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.token,
        body: { version: target.version, status: "cancelled", note: "stale" },
      },
    );
    expect(second.status).toBe(409);
    expect(second.body.current).toMatchObject({ id: target.id, status: "in_progress", version: target.version + 1 });
    expect(second.body["invalid-params"]).toEqual([
      {
        name: "version",
        reason: `is out of date: the milestone is now at version ${target.version + 1}`,
        code: "versionOutOfDate",
        values: { version: target.version + 1 },
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [{ status: "delayed" }, "note"],
    [{ status: "cancelled", note: "  " }, "note"],
    [{ status: "completed" }, "completedOn"],
    [{ status: "planned", completedOn: "2021-10" }, "completedOn"],
    [{ status: "completed", completedOn: "2999-01" }, "completedOn"],
    [{ status: "completed", completedOn: "2021-13" }, "completedOn"],
    [{ status: "done" }, "status"],
    [{ evidence: ["not evidence"] }, "evidence.0"],
    [{ evidence: ["javascript:alert(1)"] }, "evidence.0"],
    [{ titleEn: "" }, "titleEn"],
    [{ colour: "red" }, "body"],
    [{}, "body"],
  ])("refuses %j with 422 naming %s, changing nothing", async (change, field) => {
    const target = await milestoneOf(ASSIGNED);
    const before = await snapshot();
    const result = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.token,
        body: { version: target.version, ...change },
      },
    );
    expect(result.status).toBe(422);
    expect(result.body["invalid-params"].map((p: { name: string }) => p.name)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a body that is not JSON with 400, and a bad id with 400", async () => {
    const target = await milestoneOf(ASSIGNED);
    const request = new Request(`http://localhost/api/milestones/${target.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${principals.admin!.token}` },
      body: "{status:",
    });
    const response = await (patchMilestone as Handler)(request, { params: Promise.resolve({ id: String(target.id) }) } as never);
    expect(response.status).toBe(400);
    const badId = await call(
      patchMilestone as Handler,
      "PATCH",
      "/api/milestones/abc",
      { id: "abc" },
      { token: principals.admin!.token, body: { version: 1 } },
    );
    expect(badId.status).toBe(400);
    expect(badId.body["invalid-params"][0].name).toBe("id");
  });

  it("records completion with its own precision and clears it when reopened", async () => {
    const target = await milestoneOf(ASSIGNED);
    const done = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.token,
        body: { version: target.version, status: "completed", completedOn: "2022-03" },
      },
    );
    expect(done.body).toMatchObject({ status: "completed", completedOn: "2022-03" });
    const reopened = await call(
      patchMilestone as Handler,
      "PATCH",
      `/api/milestones/${target.id}`,
      { id: String(target.id) },
      {
        token: principals.admin!.token,
        body: { version: done.body.version, status: "in_progress" },
      },
    );
    expect(reopened.body).toMatchObject({ status: "in_progress", completedOn: null });
  });
});

describe("removal keeps history", () => {
  it("hides a removed milestone but keeps its history, marked removed", async () => {
    const created = await call(
      postMilestone as Handler,
      "POST",
      `/api/workstreams/${ASSIGNED}/milestones`,
      { slug: ASSIGNED },
      {
        token: principals.admin!.token,
        body: { titleEn: "Temporary milestone", date: "2023" },
      },
    );
    expect(created.status).toBe(201);
    const removed = await call(
      deleteMilestone as Handler,
      "DELETE",
      `/api/milestones/${created.body.id}`,
      { id: String(created.body.id) },
      {
        token: principals.admin!.token,
        body: { version: created.body.version },
      },
    );
    expect(removed.status).toBe(200);
    const read = await call(
      getMilestone as Handler,
      "GET",
      `/api/milestones/${created.body.id}`,
      { id: String(created.body.id) },
      { token: principals.viewer!.token },
    );
    expect(read.status).toBe(404);
    const list = await call(listMilestones as Handler, "GET", `/api/milestones?workstream=${ASSIGNED}&pageSize=200`, {}, { token: principals.viewer!.token });
    expect(list.body.items.map((m: { id: number }) => m.id)).not.toContain(created.body.id);
    const history = await call(
      getHistory as Handler,
      "GET",
      `/api/milestones/${created.body.id}/history`,
      { id: String(created.body.id) },
      { token: principals.viewer!.token },
    );
    expect(history.body.removed).toBe(true);
    expect(history.body.entries.map((e: { kind: string }) => e.kind)).toEqual(["removed", "created"]);
  });
});
