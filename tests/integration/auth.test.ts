import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { loginThrottle, users } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { claimSignInAttempt, recordSignInSuccess, THROTTLE_POLICY, throttleKeys } from "@/lib/auth/throttle";
import { prepareDemoAccounts, removeDemoAccounts } from "@/lib/commands/users";
import { countRows, setupTestDatabase } from "../setup/test-database";
import { makeUser, TEST_PASSWORD } from "../setup/users";

const database = setupTestDatabase();

describe("sign-in throttling", () => {
  const start = Date.UTC(2026, 0, 1);
  const fail = async (keys: ReturnType<typeof throttleKeys>, at: number) => {
    const decision = await claimSignInAttempt(keys, at);
    expect(decision.allowed).toBe(true);
    return decision;
  };

  it("slows an account down at one address after a few failures, then locks that pair for a while", async () => {
    const keys = throttleKeys("Someone@UN.org", "203.0.113.7");
    expect(keys).toEqual({ pair: "pair:203.0.113.7|someone@un.org", address: "address:203.0.113.7" });
    for (let i = 0; i < THROTTLE_POLICY.slowAfter; i++) expect(await fail(keys, start + i)).toEqual({ allowed: true, delayMs: 0 });
    expect(await fail(keys, start + 10)).toEqual({ allowed: true, delayMs: 1000 });
    expect(await fail(keys, start + 11)).toEqual({ allowed: true, delayMs: 2000 });
    for (let i = THROTTLE_POLICY.slowAfter + 2; i < THROTTLE_POLICY.lockAfter.pair; i++) await fail(keys, start + 20 + i);
    const locked = await claimSignInAttempt(keys, start + 100);
    expect(locked.allowed).toBe(false);
    if (!locked.allowed) expect(locked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // The same account from another address is not locked.
    expect(await claimSignInAttempt(throttleKeys("someone@un.org", "192.0.2.1"), start + 100)).toEqual({ allowed: true, delayMs: 0 });
    // After the lock has run out, the pair may try again, from scratch.
    expect(await claimSignInAttempt(keys, start + 100 + THROTTLE_POLICY.lockMs)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("caps the delay and forgets failures outside the window", async () => {
    const keys = throttleKeys("slow@un.org", "unknown");
    for (let i = 0; i < 8; i++) await fail(keys, start + i);
    expect(await claimSignInAttempt(keys, start + 10)).toEqual({ allowed: true, delayMs: THROTTLE_POLICY.maxDelayMs });
    expect(await claimSignInAttempt(keys, start + THROTTLE_POLICY.windowMs + 100)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("locks an address that fails across many accounts", async () => {
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.address; i++) await fail(throttleKeys(`user${i}@un.org`, "198.51.100.9"), start + i);
    expect((await claimSignInAttempt(throttleKeys("fresh@un.org", "198.51.100.9"), start + 100)).allowed).toBe(false);
    expect((await claimSignInAttempt(throttleKeys("fresh@un.org", "198.51.100.10"), start + 100)).allowed).toBe(true);
  });

  it("a success clears the pair's counter and gives the address its attempt back", async () => {
    const keys = throttleKeys("ok@un.org", "192.0.2.77");
    for (let i = 0; i < 5; i++) await fail(keys, start + i);
    await recordSignInSuccess(keys);
    expect(await claimSignInAttempt(keys, start + 10)).toEqual({ allowed: true, delayMs: 0 });
    await recordSignInSuccess(keys);
    const address = (await getDb().select().from(loginThrottle).where(eq(loginThrottle.key, keys.address)).limit(1))[0];
    expect(address?.failures).toBe(4);
  });
});

describe("sessions and passwords", () => {
  it("stores a memory-hard hash, never the password", async () => {
    const user = await makeUser("viewer", { email: "hash@un.org" });
    const context = await getAuth().$context;
    const account = (await context.internalAdapter.findAccounts(user.actor.userId))[0]!;
    expect(account.password).not.toContain(TEST_PASSWORD);
    expect(account.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:key
    expect(await context.password.verify({ hash: account.password!, password: TEST_PASSWORD })).toBe(true);
  });

  it("sets an httpOnly, SameSite=Lax session cookie, Secure when served over https", async () => {
    await makeUser("viewer", { email: "cookie@un.org" });
    const signIn = (await getAuth().api.signInEmail({
      body: { email: "cookie@un.org", password: TEST_PASSWORD },
      returnHeaders: true,
    })) as { headers: Headers };
    const cookie = signIn.headers.get("set-cookie")!;
    expect(cookie).toMatch(/session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);

    process.env.APP_URL = "https://tracker.example.org";
    try {
      const secure = (await getAuth().api.signInEmail({
        body: { email: "cookie@un.org", password: TEST_PASSWORD },
        returnHeaders: true,
      })) as { headers: Headers };
      expect(secure.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    } finally {
      delete process.env.APP_URL;
    }
  });

  it("refuses a wrong password", async () => {
    await makeUser("viewer", { email: "wrong@un.org" });
    await expect(getAuth().api.signInEmail({ body: { email: "wrong@un.org", password: "not the right one" } })).rejects.toThrow();
  });
});

describe("demo accounts", () => {
  it("are created only on a database without accounts", async () => {
    // This file has created accounts already: no demo accounts are added.
    expect(await prepareDemoAccounts(true)).toEqual([]);
  });

  it("one per role on a new database; DEMO=0 then refuses to start until they are removed", async () => {
    await database.withAnotherDatabase(async () => {
      const created = await prepareDemoAccounts(true);
      expect(created.map((account) => account.role)).toEqual(["admin", "editor", "viewer"]);
      expect(await countRows(users)).toBe(3);
      const admin = created[0]!;
      await expect(getAuth().api.signInEmail({ body: { email: admin.email, password: admin.password } })).resolves.toBeTruthy();
      await expect(prepareDemoAccounts(false)).rejects.toThrow(/DEMO=0 but 3 demo account/);
      // A demo account that changed something can still be removed; its history entry stays.
      const { updateMilestone } = await import("@/lib/commands/milestones");
      const { milestones, statusHistory } = await import("@/db/schema");
      const { eq } = await import("drizzle-orm");
      const demoAdmin = (await getDb().select().from(users).where(eq(users.email, admin.email)).limit(1))[0]!;
      const target = (await getDb().select().from(milestones).limit(1))[0]!;
      await updateMilestone(
        { userId: demoAdmin.id, name: demoAdmin.name, email: demoAdmin.email, role: "admin", allWorkstreams: true, via: "session" },
        target.id,
        {
          version: target.version,
          note: "tried the demo",
        },
      );
      expect(await removeDemoAccounts()).toBe(3);
      const kept = (await getDb().select().from(statusHistory).where(eq(statusHistory.note, "tried the demo")).limit(1))[0];
      expect(kept?.actor).toContain(admin.email);
      expect(await prepareDemoAccounts(false)).toEqual([]);
    });
  });
});
