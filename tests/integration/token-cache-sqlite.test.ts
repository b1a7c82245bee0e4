import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorFromToken, hashToken } from "@/lib/auth/tokens";
import { setupTestDatabase } from "../setup/test-database";
import { makeUser } from "../setup/users";

// SQLite only (vitest.postgres.config.ts leaves it out): on SQLite the token cache learns of a
// change made on the server's own connection from temporary triggers on that connection
// (lib/queries/data-version.ts); on PostgreSQL every change arrives as a notice, which
// token-cache.test.ts covers with a write from another connection.
setupTestDatabase();

describe("a cached token on SQLite", () => {
  it("a hand-run statement on the server's own connection (a rename, a role) applies to the next lookup", async () => {
    const editor = await makeUser("editor");
    expect((await actorFromToken(editor.token))?.name).not.toBe("Renamed");
    getDb().$client.prepare("update users set name = 'Renamed', role = 'admin' where id = ?").run(editor.actor.userId);
    expect(await actorFromToken(editor.token)).toMatchObject({ name: "Renamed", role: "admin" });
    getDb().$client.prepare("update api_tokens set revoked_at = 'now' where token_hash = ?").run(hashToken(editor.token));
    expect(await actorFromToken(editor.token)).toBeNull();
  });
});
