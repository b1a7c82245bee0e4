import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMilestones } from "@/app/api/milestones/route";
import { POST as postMilestone } from "@/app/api/workstreams/[slug]/milestones/route";
import { POST as postWorkstream } from "@/app/api/workstreams/route";
import { setUserAccess } from "@/lib/commands/users";
import { AppError } from "@/lib/errors";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser, type TestPrincipal } from "../setup/users";

setupTestDatabase();

type Handler = (request: Request, context: never) => Response | Promise<Response>;
async function call(handler: Handler, method: string, url: string, params: Record<string, string>, options: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost${url}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json() };
}

let admin: TestPrincipal;
beforeAll(async () => {
  process.env.PUBLIC_READ = "1";
  admin = await makeUser("admin");
});

describe("the API's invalid-params: today's English reason, now with a code", () => {
  it("a title that is too long: 422 with the reason, the code tooLong and its limit", async () => {
    const { status, body } = await call(
      postMilestone as Handler,
      "POST",
      "/api/workstreams/ai-working-group/milestones",
      { slug: "ai-working-group" },
      {
        token: admin.token,
        body: { titleEn: "x".repeat(301), date: "2023", note: "y".repeat(2001) },
      },
    );
    expect(status).toBe(422);
    expect(body["invalid-params"]).toEqual([
      { name: "titleEn", reason: "must be at most 300 characters", code: "tooLong", values: { max: 300 } },
      { name: "note", reason: "must be at most 2,000 characters", code: "tooLong", values: { max: 2000 } },
    ]);
  });

  it("a bad query parameter: 400 with the reason and the code", async () => {
    const { status, body } = await call(listMilestones as Handler, "GET", "/api/milestones?year=1800&yaer=2021", {});
    expect(status).toBe(400);
    expect(body["invalid-params"]).toEqual([
      {
        name: "yaer",
        reason: "is not a known parameter (known: year, body, status, q, workstream, page, pageSize)",
        code: "unknownParameter",
        values: { known: "year, body, status, q, workstream, page, pageSize" },
      },
    ]);
    const year = await call(listMilestones as Handler, "GET", "/api/milestones?year=1800", {});
    expect(year.body["invalid-params"]).toEqual([{ name: "year", reason: "must be 1945 or later", code: "yearFrom", values: { min: 1945 } }]);
  });

  it("a workstream with an unknown parent body: the command's own check has a code too", async () => {
    const { status, body } = await call(
      postWorkstream as Handler,
      "POST",
      "/api/workstreams",
      {},
      {
        token: admin.token,
        body: { slug: "orphan", nameEn: "Orphan", bodyCode: "NOPE" },
      },
    );
    expect(status).toBe(422);
    expect(body["invalid-params"]).toHaveLength(1);
    expect(body["invalid-params"][0]).toMatchObject({ name: "bodyCode", code: "oneOf" });
    expect(body["invalid-params"][0].reason).toMatch(/^must be one of .*HLCM/);
    expect(body["invalid-params"][0].reason).toBe(`must be one of ${body["invalid-params"][0].values.options}`);
  });

  it("an admin removing their own admin role is told why, with a code", async () => {
    try {
      await setUserAccess(admin.actor, admin.actor.userId, { role: "viewer", allWorkstreams: false });
      expect.unreachable("the change should be refused");
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).invalidParams).toEqual([{ name: "role", reason: "would lock you out", code: "selfLockout" }]);
    }
  });
});
