import { and, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMilestonesRoute } from "@/app/api/milestones/route";
import { getDb } from "@/db";
import { apiTokens, milestones, users, workstreamAssignments, workstreams } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { actorFromToken } from "@/lib/auth/tokens";
import { updateMilestone } from "@/lib/commands/milestones";
import { createApiToken, createUserAsAdmin, revokeApiToken, setUserAccess } from "@/lib/commands/users";
import { AppError } from "@/lib/errors";
import { listTokensOf } from "@/lib/queries/tokens";
import { getUserAccess, listUsers } from "@/lib/queries/users";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser, TEST_PASSWORD, type TestPrincipal } from "../setup/users";

setupTestDatabase();

/** The HTTP status an AppError thrown by `run` maps to (null when nothing is thrown). */
async function statusOf(run: () => unknown): Promise<number | null> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
  return null;
}
async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the command to be refused");
}

const idOf = async (slug: string) => (await getDb().select().from(workstreams).where(eq(workstreams.slug, slug)).limit(1))[0]!.id;
const userRow = async (id: string) => (await getDb().select().from(users).where(eq(users.id, id)).limit(1))[0]!;
const assignmentsOf = async (userId: string) =>
  (await getDb().select({ id: workstreamAssignments.workstreamId }).from(workstreamAssignments).where(eq(workstreamAssignments.userId, userId)))
    .map((row) => row.id)
    .sort((a, b) => a - b);
const openMilestoneOf = async (slug: string) =>
  (
    await getDb()
      .select()
      .from(milestones)
      .where(and(eq(milestones.workstreamId, await idOf(slug)), isNull(milestones.removedAt)))
      .orderBy(milestones.id)
  ).find((milestone) => milestone.status !== "at_risk")!;
const tokenActor = async (principal: TestPrincipal): Promise<Actor> => (await actorFromToken(principal.token))!;

const ASSIGNED = "ai-working-group";
const OTHER = "data-cube";

let admin: TestPrincipal;
let editor: TestPrincipal;
let viewer: TestPrincipal;

beforeAll(async () => {
  process.env.PUBLIC_READ = "0";
  admin = await makeUser("admin");
  editor = await makeUser("editor", { allWorkstreams: true });
  viewer = await makeUser("viewer");
});

describe("setUserAccess", () => {
  it("an admin makes a viewer an editor of one workstream, who may then edit that workstream's milestones and no other", async () => {
    const person = await makeUser("viewer");
    await setUserAccess(admin.actor, person.actor.userId, { role: "editor", allWorkstreams: false, workstreamIds: [await idOf(ASSIGNED)] });

    expect(await userRow(person.actor.userId)).toMatchObject({ role: "editor", allWorkstreams: false });
    expect(await assignmentsOf(person.actor.userId)).toEqual([await idOf(ASSIGNED)]);
    expect(await getUserAccess(person.actor.userId)).toMatchObject({ role: "editor", workstreamIds: [await idOf(ASSIGNED)] });
    expect((await listUsers()).find((user) => user.id === person.actor.userId)).toMatchObject({ role: "editor", assignedCount: 1 });

    // The token was made while the person was a viewer: the new role applies at once.
    const actor = await tokenActor(person);
    expect(actor.role).toBe("editor");
    const mine = await openMilestoneOf(ASSIGNED);
    const updated = await updateMilestone(actor, mine.id, { version: mine.version, status: "at_risk", note: "newly assigned editor" });
    expect(updated).toMatchObject({ status: "at_risk", version: mine.version + 1 });

    const other = await openMilestoneOf(OTHER);
    const refused = await refusal(() => updateMilestone(actor, other.id, { version: other.version, status: "at_risk", note: "not mine" }));
    expect(refused.status).toBe(403);
    expect((await getDb().select().from(milestones).where(eq(milestones.id, other.id)).limit(1))[0]).toEqual(other);
  });

  it("replaces the assignments rather than adding to them, and admins always edit every workstream", async () => {
    const person = await makeUser("editor", { assignedSlugs: [ASSIGNED] });
    await setUserAccess(admin.actor, person.actor.userId, { role: "editor", allWorkstreams: false, workstreamIds: [await idOf(OTHER)] });
    expect(await assignmentsOf(person.actor.userId)).toEqual([await idOf(OTHER)]);
    await setUserAccess(admin.actor, person.actor.userId, { role: "admin", allWorkstreams: false, workstreamIds: [] });
    expect(await userRow(person.actor.userId)).toMatchObject({ role: "admin", allWorkstreams: true });
    expect(await assignmentsOf(person.actor.userId)).toEqual([]);
  });

  it.each([
    ["anonymous", () => null, 401],
    ["a viewer", () => viewer.actor, 403],
    ["an editor of every workstream", () => editor.actor, 403],
    ["an admin's read-only token", () => actorFromToken(admin.readToken), 403],
  ])("%s cannot change anyone's access (%i) and nothing changes", async (_who, actor, status) => {
    const target = await makeUser("viewer");
    const before = { user: await userRow(target.actor.userId), assignments: await assignmentsOf(target.actor.userId) };
    expect(
      await statusOf(async () =>
        setUserAccess(await actor(), target.actor.userId, { role: "admin", allWorkstreams: true, workstreamIds: [await idOf(ASSIGNED)] }),
      ),
    ).toBe(status);
    expect({ user: await userRow(target.actor.userId), assignments: await assignmentsOf(target.actor.userId) }).toEqual(before);
  });

  it("an editor cannot make themselves an admin", async () => {
    expect(await statusOf(() => setUserAccess(editor.actor, editor.actor.userId, { role: "admin", allWorkstreams: true, workstreamIds: [] }))).toBe(403);
    expect((await userRow(editor.actor.userId)).role).toBe("editor");
  });

  it("an admin cannot remove their own admin role (422 naming role)", async () => {
    const refused = await refusal(() => setUserAccess(admin.actor, admin.actor.userId, { role: "editor", allWorkstreams: true, workstreamIds: [] }));
    expect(refused.status).toBe(422);
    expect(refused.invalidParams.map((param) => param.name)).toEqual(["role"]);
    expect((await userRow(admin.actor.userId)).role).toBe("admin");
  });

  it.each([
    [{ role: "owner", allWorkstreams: false, workstreamIds: [] }, "role"],
    [{ role: "editor", allWorkstreams: "yes", workstreamIds: [] }, "allWorkstreams"],
    [{ role: "editor", allWorkstreams: false, workstreamIds: [Number.NaN] }, "workstreamIds"],
    [{ role: "editor", allWorkstreams: false, workstreamIds: [999_999] }, "workstreamIds"],
  ])("refuses %j with 422 naming %s", async (input, field) => {
    const target = await makeUser("viewer");
    const refused = await refusal(() => setUserAccess(admin.actor, target.actor.userId, input));
    expect(refused.status).toBe(422);
    expect(refused.invalidParams.map((param) => param.name.split(".")[0])).toContain(field);
    expect((await userRow(target.actor.userId)).role).toBe("viewer");
  });

  it("answers 404 for a user that does not exist", async () => {
    expect(await statusOf(() => setUserAccess(admin.actor, "no-such-user", { role: "viewer", allWorkstreams: false, workstreamIds: [] }))).toBe(404);
  });
});

describe("createUserAsAdmin", () => {
  it("an admin creates an account; a non-admin cannot", async () => {
    const created = await createUserAsAdmin(admin.actor, { email: "New.Person@Example.org", role: "editor", password: TEST_PASSWORD });
    expect(created).toMatchObject({ email: "new.person@example.org", role: "editor" });
    expect(await userRow(created.id)).toMatchObject({ name: "new.person", role: "editor", allWorkstreams: false, isDemo: false });
    expect(await statusOf(() => createUserAsAdmin(editor.actor, { email: "sneaky@example.org", role: "admin", password: TEST_PASSWORD }))).toBe(403);
    expect((await getDb().select().from(users).where(eq(users.email, "sneaky@example.org")).limit(1))[0]).toBeUndefined();
  });

  it.each([
    [{ email: "not-an-email", role: "viewer", password: TEST_PASSWORD }, "email", 422],
    [{ email: "short@example.org", role: "viewer", password: "too short" }, "password", 422],
    [{ email: "role@example.org", role: "owner", password: TEST_PASSWORD }, "role", 422],
    [{ email: "new.person@example.org", role: "viewer", password: TEST_PASSWORD }, "email", 409],
  ])("refuses %j naming %s (%i)", async (input, field, status) => {
    const refused = await refusal(() => createUserAsAdmin(admin.actor, input as never));
    expect(refused.status).toBe(status);
    expect(refused.invalidParams.map((param) => param.name)).toContain(field);
  });
});

describe("API tokens", () => {
  it("a user creates a token for themselves, sees only its prefix afterwards, and a revoked token is refused", async () => {
    const person = await makeUser("editor");
    const { token, id, scope } = await createApiToken(person.actor, person.actor.userId, { name: "nightly sync", scope: "write" });
    expect(scope).toBe("write");
    expect(await actorFromToken(token)).toMatchObject({ userId: person.actor.userId, via: "token", tokenScope: "write" });

    const listed = (await listTokensOf(person.actor.userId)).find((item) => item.id === id)!;
    expect(listed).toMatchObject({ name: "nightly sync", scope: "write", prefix: token.slice(0, 10), revokedAt: null, createdBy: person.email });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(await listTokensOf(person.actor.userId))).not.toContain(token);

    await revokeApiToken(person.actor, id);
    expect(await actorFromToken(token)).toBeNull();
    expect((await listTokensOf(person.actor.userId)).find((item) => item.id === id)!.revokedAt).not.toBeNull();
    const response = await listMilestonesRoute(
      new Request("http://localhost/api/milestones", { headers: { authorization: `Bearer ${token}` } }),
      undefined as never,
    );
    expect(response.status).toBe(401);
  });

  it("a user cannot revoke someone else's token; an admin can", async () => {
    const owner = await makeUser("viewer");
    const { token, id } = await createApiToken(owner.actor, owner.actor.userId, { name: "export", scope: "read" });
    expect(await statusOf(() => revokeApiToken(editor.actor, id))).toBe(403);
    expect(await statusOf(() => revokeApiToken(null, id))).toBe(401);
    expect(await actorFromToken(token)).not.toBeNull();
    await revokeApiToken(admin.actor, id);
    expect(await actorFromToken(token)).toBeNull();
  });

  it("a user cannot create a token for someone else; an admin can, and it acts as its owner", async () => {
    const owner = await makeUser("viewer");
    expect(await statusOf(() => createApiToken(editor.actor, owner.actor.userId, { name: "not yours", scope: "write" }))).toBe(403);
    expect((await listTokensOf(owner.actor.userId)).map((item) => item.name)).not.toContain("not yours");
    const made = await createApiToken(admin.actor, owner.actor.userId, { name: "made by admin", scope: "write" });
    expect(await actorFromToken(made.token)).toMatchObject({ userId: owner.actor.userId, role: "viewer" });
    expect((await listTokensOf(owner.actor.userId)).find((item) => item.id === made.id)!.createdBy).toBe(admin.email);
  });

  it("a token cannot create or revoke tokens, even an admin's write token", async () => {
    const actor = await tokenActor(admin);
    const tokensBefore = await getDb().select().from(apiTokens).orderBy(apiTokens.id);
    expect(await statusOf(() => createApiToken(actor, admin.actor.userId, { name: "minted by a token", scope: "write" }))).toBe(403);
    const victim = await createApiToken(viewer.actor, viewer.actor.userId, { name: "victim", scope: "read" });
    expect(await statusOf(() => revokeApiToken(actor, victim.id))).toBe(403);
    expect(await actorFromToken(victim.token)).not.toBeNull();
    expect((await getDb().select().from(apiTokens).orderBy(apiTokens.id)).map((row) => row.name)).toEqual([...tokensBefore.map((row) => row.name), "victim"]);
  });

  it.each([
    [{ name: "", scope: "read" }, "name"],
    [{ name: "x".repeat(81), scope: "read" }, "name"],
    [{ name: "admin everything", scope: "admin" }, "scope"],
  ])("refuses %j with 422 naming %s", async (input, field) => {
    const refused = await refusal(() => createApiToken(viewer.actor, viewer.actor.userId, input));
    expect(refused.status).toBe(422);
    expect(refused.invalidParams.map((param) => param.name)).toContain(field);
  });
});
