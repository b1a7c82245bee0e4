import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { PATCH as patchMilestone } from "@/app/api/milestones/[id]/route";
import { databasePath, getDb } from "@/db";
import { milestones } from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { actorFromToken, hashToken } from "@/lib/auth/tokens";
import { revokeApiToken, setUserAccess } from "@/lib/commands/users";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

// Known tokens are kept in memory between requests; every way of changing what a token stands
// for must still apply to the very next lookup.
setupTestDatabase();

let admin: Actor;
beforeAll(async () => {
  admin = (await makeUser("admin")).actor;
});

const tokenIdOf = (token: string) => (getDb().$client.prepare("select id from api_tokens where token_hash = ?").get(hashToken(token)) as { id: number }).id;

/** Runs a statement on a second connection, as another server process or a script would. */
function fromAnotherConnection(statement: string, ...params: unknown[]) {
  const other = new Database(databasePath());
  try {
    other.prepare(statement).run(...params);
  } finally {
    other.close();
  }
}

describe("a cached token follows every change at once", () => {
  it("revoked through the command: refused on the next lookup, and the API answers 401", async () => {
    const editor = await makeUser("editor", { allWorkstreams: true });
    expect(await actorFromToken(editor.token)).toMatchObject({ userId: editor.actor.userId, role: "editor" });
    await revokeApiToken(editor.actor, tokenIdOf(editor.token));
    expect(await actorFromToken(editor.token)).toBeNull();

    const target = getDb().select().from(milestones).get()!;
    const request = new Request(`http://localhost/api/milestones/${target.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${editor.token}`, "content-type": "application/json" },
      body: JSON.stringify({ version: target.version, note: "should not land" }),
    });
    const response = await patchMilestone(request, { params: Promise.resolve({ id: String(target.id) }) } as never);
    expect(response.status).toBe(401);
    expect(getDb().select().from(milestones).where(eq(milestones.id, target.id)).get()!.version).toBe(target.version);
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
    fromAnotherConnection("update api_tokens set revoked_at = ? where token_hash = ?", new Date().toISOString(), hashToken(revoked.token));
    expect(await actorFromToken(revoked.token)).toBeNull();
    fromAnotherConnection("delete from api_tokens where token_hash = ?", hashToken(removed.token));
    expect(await actorFromToken(removed.token)).toBeNull();
  });

  it("a hand-run statement on the server's own connection (a rename, a role) applies to the next lookup", async () => {
    const editor = await makeUser("editor");
    expect((await actorFromToken(editor.token))?.name).not.toBe("Renamed");
    getDb().$client.prepare("update users set name = 'Renamed', role = 'admin' where id = ?").run(editor.actor.userId);
    expect(await actorFromToken(editor.token)).toMatchObject({ name: "Renamed", role: "admin" });
    getDb().$client.prepare("update api_tokens set revoked_at = 'now' where token_hash = ?").run(hashToken(editor.token));
    expect(await actorFromToken(editor.token)).toBeNull();
  });

  it("an actor handed out is the caller's own: changing it does not change the next lookup", async () => {
    const editor = await makeUser("editor");
    const first = (await actorFromToken(editor.token))!;
    first.role = "admin";
    expect((await actorFromToken(editor.token))!.role).toBe("editor");
  });
});
