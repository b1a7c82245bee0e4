import { eq, max } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getWorkstream, PATCH as patchWorkstream } from "@/app/api/workstreams/[slug]/route";
import { POST as postWorkstream } from "@/app/api/workstreams/route";
import { getDb } from "@/db";
import { workstreams } from "@/db/schema";
import { createMilestone } from "@/lib/commands/milestones";
import { createWorkstream, updateWorkstream } from "@/lib/commands/workstreams";
import { AppError } from "@/lib/errors";
import { setupTestDatabase } from "../setup/test-database";
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
  const request = new Request(`http://localhost${url}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  return { status: response.status, body: await response.json(), type: response.headers.get("content-type") };
}
const post = (body: unknown, token?: string) => call(postWorkstream as Handler, "POST", "/api/workstreams", {}, { token, body });
/** A PATCH based on the workstream's current version (as a client that just read it sends). */
const patch = async (slug: string, body: Record<string, unknown>, token?: string) =>
  call(patchWorkstream as Handler, "PATCH", `/api/workstreams/${slug}`, { slug }, { token, body: { version: (await bySlug(slug))?.version ?? 1, ...body } });
const invalidNames = (body: { "invalid-params"?: { name: string }[] }) => (body["invalid-params"] ?? []).map((param) => param.name);

const allWorkstreams = async () => await getDb().select().from(workstreams).orderBy(workstreams.id);
const bySlug = async (slug: string) => (await getDb().select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0];

const VALID = {
  slug: "space-cooperation",
  nameEn: "Inter-agency meeting on outer space activities",
  nameZh: "外层空间活动机构间会议",
  bodyCode: "hlcp",
  leads: ["UNOOSA", "ITU", "UNOOSA"],
  summaryEn: "Coordinates the space-related work of the UN system.",
  paragraphs: [40, 41],
};

let viewer: TestPrincipal;
let editor: TestPrincipal;
let admin: TestPrincipal;

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  viewer = await makeUser("viewer");
  editor = await makeUser("editor", { allWorkstreams: true });
  admin = await makeUser("admin");
});

describe("POST /api/workstreams", () => {
  it("an admin creates a workstream: 201, placed after every other one, readable at its slug", async () => {
    const lastPosition = (
      await getDb()
        .select({ position: max(workstreams.position) })
        .from(workstreams)
        .limit(1)
    )[0]!.position!;
    const created = await post(VALID, admin.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      slug: "space-cooperation",
      nameEn: VALID.nameEn,
      nameZh: VALID.nameZh,
      bodyCode: "HLCP",
      leads: ["UNOOSA", "ITU"],
      summaryEn: VALID.summaryEn,
      summaryZh: "",
      paragraphs: [40, 41],
      position: lastPosition + 1,
    });
    const read = await call(getWorkstream as Handler, "GET", "/api/workstreams/space-cooperation", { slug: "space-cooperation" }, { token: viewer.readToken });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ slug: "space-cooperation", bodyCode: "HLCP", leads: ["UNOOSA", "ITU"], milestones: { totalItems: 0 } });
  });

  it("accepts leads and paragraphs typed as comma-separated text, as the admin form sends them", async () => {
    const created = await post({ slug: "typed-lists", nameEn: "Typed lists", bodyCode: "CEB", leads: " UNDP, ITU,, ", paragraphs: "12, 13" }, admin.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ leads: ["UNDP", "ITU"], paragraphs: [12, 13] });
  });

  const refused: [string, () => string | undefined, number][] = [
    ["anonymous", () => undefined, 401],
    ["a viewer", () => viewer.token, 403],
    ["an editor of every workstream", () => editor.token, 403],
    ["an admin's read-only token", () => admin.readToken, 403],
  ];
  for (const [who, token, status] of refused) {
    it(`${who} cannot create a workstream (${status}) and nothing is added`, async () => {
      const before = await allWorkstreams();
      const response = await post({ ...VALID, slug: "refused-workstream" }, token());
      expect(response.status).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(await allWorkstreams()).toEqual(before);
    });
  }

  it("a revoked or unknown token is refused with 401", async () => {
    expect((await post({ ...VALID, slug: "unknown-token" }, "ceb_not-a-real-token")).status).toBe(401);
  });

  it.each([
    [{ slug: "Not Kebab" }, "slug"],
    [{ slug: "trailing-" }, "slug"],
    [{ slug: "" }, "slug"],
    [{ slug: undefined }, "slug"],
    [{ nameEn: "   " }, "nameEn"],
    [{ nameEn: undefined }, "nameEn"],
    [{ bodyCode: "NO-SUCH-BODY" }, "bodyCode"],
    [{ bodyCode: undefined }, "bodyCode"],
    [{ leads: 5 }, "leads"],
    [{ leads: [""] }, "leads"],
    [{ paragraphs: "12, twelve" }, "paragraphs"],
    [{ paragraphs: [0] }, "paragraphs"],
    [{ paragraphs: [1.5] }, "paragraphs"],
    [{ summaryEn: "x".repeat(5001) }, "summaryEn"],
    [{ colour: "red" }, "body"],
  ])("refuses %j with 422 naming %s, adding nothing", async (change, field) => {
    const before = await allWorkstreams();
    const response = await post({ ...VALID, slug: "bad-input", ...change }, admin.token);
    expect(response.status).toBe(422);
    expect(invalidNames(response.body).map((name) => name.split(".")[0])).toContain(field);
    expect(await allWorkstreams()).toEqual(before);
  });

  it("refuses a slug that is taken with 409 naming slug, adding nothing", async () => {
    const before = await allWorkstreams();
    const response = await post({ ...VALID, slug: "ai-working-group" }, admin.token);
    expect(response.status).toBe(409);
    expect(response.body["invalid-params"]).toEqual([{ name: "slug", reason: "is already used by another workstream", code: "slugTaken" }]);
    expect(await allWorkstreams()).toEqual(before);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await call(postWorkstream as Handler, "POST", "/api/workstreams", {}, { token: admin.token, raw: "{slug:" });
    expect(response.status).toBe(400);
  });
});

describe("PATCH /api/workstreams/{slug}", () => {
  it("an admin changes names, body, leads and paragraphs: 200 with the saved workstream", async () => {
    const before = (await bySlug("data-cube"))!;
    const response = await patch(
      "data-cube",
      { nameEn: "UN System Data Cube (renamed)", bodyCode: "HLCM", leads: "UNSCEB, UNDP", paragraphs: [70] },
      admin.token,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: before.id,
      slug: "data-cube",
      nameEn: "UN System Data Cube (renamed)",
      bodyCode: "HLCM",
      leads: ["UNSCEB", "UNDP"],
      paragraphs: [70],
    });
    const after = (await bySlug("data-cube"))!;
    expect(after).toMatchObject({ nameEn: "UN System Data Cube (renamed)", nameZh: before.nameZh, summaryEn: before.summaryEn, position: before.position });
    expect(after.updatedAt > before.updatedAt).toBe(true);
  });

  it("a new slug renames the workstream; its milestones go with it", async () => {
    const before = (await bySlug("typed-lists"))!;
    await createMilestone(admin.actor, "typed-lists", { titleEn: "Travels with the rename", date: "2023" });
    const response = await patch("typed-lists", { slug: "typed-lists-renamed" }, admin.token);
    expect(response.status).toBe(200);
    expect(await bySlug("typed-lists")).toBeUndefined();
    const read = await call(getWorkstream as Handler, "GET", "/api/workstreams/typed-lists-renamed", { slug: "typed-lists-renamed" }, { token: viewer.token });
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(before.id);
    expect(read.body.milestones.items.map((m: { titleEn: string }) => m.titleEn)).toEqual(["Travels with the rename"]);
  });

  it("refuses renaming onto a slug that is taken with 409 naming slug, changing nothing", async () => {
    const before = await allWorkstreams();
    const response = await patch("space-cooperation", { slug: "ai-working-group", nameEn: "Hijack" }, admin.token);
    expect(response.status).toBe(409);
    expect(invalidNames(response.body)).toEqual(["slug"]);
    expect(await allWorkstreams()).toEqual(before);
  });

  it("keeping the same slug is not a conflict", async () => {
    const response = await patch("space-cooperation", { slug: "space-cooperation", nameZh: "外层空间" }, admin.token);
    expect(response.status).toBe(200);
    expect(response.body.nameZh).toBe("外层空间");
  });

  it("answers 404 for a workstream that does not exist", async () => {
    const response = await patch("no-such-workstream", { nameEn: "Ghost" }, admin.token);
    expect(response.status).toBe(404);
  });

  const refused: [string, () => string | undefined, number][] = [
    ["anonymous", () => undefined, 401],
    ["a viewer", () => viewer.token, 403],
    ["an editor of every workstream", () => editor.token, 403],
    ["an admin's read-only token", () => admin.readToken, 403],
  ];
  for (const [who, token, status] of refused) {
    it(`${who} cannot change a workstream (${status}) and nothing changes`, async () => {
      const before = await allWorkstreams();
      const response = await patch("ai-working-group", { nameEn: `Changed by ${who}` }, token());
      expect(response.status).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(await allWorkstreams()).toEqual(before);
    });
  }

  it.each([
    [{}, "body"],
    [{ slug: "Bad Slug" }, "slug"],
    [{ nameEn: "" }, "nameEn"],
    [{ bodyCode: "NOPE" }, "bodyCode"],
    [{ paragraphs: [-1] }, "paragraphs"],
    [{ position: 1 }, "body"],
  ])("refuses %j with 422 naming %s, changing nothing", async (change, field) => {
    const before = await allWorkstreams();
    const response = await patch("ai-working-group", change, admin.token);
    expect(response.status).toBe(422);
    expect(invalidNames(response.body).map((name) => name.split(".")[0])).toContain(field);
    expect(await allWorkstreams()).toEqual(before);
  });
});

describe("the commands themselves", () => {
  it("check the role before reading the input: a viewer with bad input hears 403, not 422", async () => {
    const errorOf = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return error instanceof AppError ? error.status : error;
      }
      return null;
    };
    expect(await errorOf(() => createWorkstream(viewer.actor, { slug: "NOT VALID" }))).toBe(403);
    expect(await errorOf(() => updateWorkstream(null, "ai-working-group", {}))).toBe(401);
    expect(await errorOf(() => updateWorkstream(admin.actor, "ai-working-group", { nameEn: "No version" }))).toBe(422);
  });
});
