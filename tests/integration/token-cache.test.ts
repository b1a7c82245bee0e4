import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { getDb } from "@/db";
import { apiTokens, milestones } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { actorFromToken, hashToken } from "@/lib/auth/tokens";
import { revokeApiToken, setUserAccess } from "@/lib/commands/users";
import { fromAnotherConnection, setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

// Known tokens are kept in memory between requests; every way of changing what a token stands
// for must still apply to the very next lookup.
setupTestDatabase();

let admin: Actor;
beforeAll(async () => {
  admin = (await makeUser("admin")).actor;
});

const tokenIdOf = async (token: string) =>
  (
    await getDb()
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.tokenHash, hashToken(token)))
      .limit(1)
  )[0]!.id;

describe("a cached token follows every change at once", () => {
  it("revoked through the command: refused on the next lookup, and the API answers 401", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    expect(await actorFromToken(editor.token)).toMatchObject({ userId: editor.actor.userId, role: "editor" });
    await revokeApiToken(editor.actor, await tokenIdOf(editor.token));
    expect(await actorFromToken(editor.token)).toBeNull();

    const target = (await getDb().select().from(milestones).limit(1))[0]!;
    const request = new Request(`http://localhost/api/milestones/${target.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
      body: JSON.stringify({ version: target.version, note: "should not land" }),
    });
    const response = await patchMilestone(request, { params: Promise.resolve({ id: String(target.id) }) } as never);
    expect(response.status).toBe(401);
    expect((await getDb().select().from(milestones).where(eq(milestones.id, target.id)).limit(1))[0]!.version).toBe(target.version);
  });

  it("a role taken away by an admin applies to the next lookup", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    expect((await actorFromToken(editor.token))?.role).toBe("editor");
    await setUserAccess(admin, editor.actor.userId, { role: "viewer", allWorkstreams: false, workstreamIds: [] });
    expect(await actorFromToken(editor.token)).toMatchObject({ role: "viewer", allWorkstreams: false });
  });

  it("a revocation or a token deleted by another connection applies to the next lookup", async () => {
    const revoked = await makeUser("editor");
    const removed = await makeUser("editor");
    expect(await actorFromToken(revoked.token)).not.toBeNull();
    expect(await actorFromToken(removed.token)).not.toBeNull();
    await fromAnotherConnection(sql`update api_tokens set revoked_at = ${new Date().toISOString()} where token_hash = ${hashToken(revoked.token)}`);
    expect(await actorFromToken(revoked.token)).toBeNull();
    await fromAnotherConnection(sql`delete from api_tokens where token_hash = ${hashToken(removed.token)}`);
    expect(await actorFromToken(removed.token)).toBeNull();
  });

  it("an actor handed out is the caller's own: changing it does not change the next lookup", async () => {
    const editor = await makeUser("editor");
    const first = (await actorFromToken(editor.token))!;
    first.role = "admin";
    expect((await actorFromToken(editor.token))!.role).toBe("editor");
  });
});
