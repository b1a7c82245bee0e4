/**
 * Finding 3 of issue 10, through the sign-in server action itself: the throttle counts each
 * attempt before the password is checked (so parallel attempts cannot outrun it), is keyed by
 * account and address (an attacker's failures never lock the owner out elsewhere), and takes the
 * client's address from the socket unless TRUST_PROXY says how many proxy hops to believe.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

let requestHeaders = new Headers();

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => "en",
  getTranslations: async () => Object.assign((key: string) => key, { has: () => false }),
}));
vi.mock("@/i18n/navigation", () => ({
  redirect: ({ href }: { href: string }) => {
    throw new Error(`REDIRECT ${href}`);
  },
}));

const { signIn } = await import("@/app/[locale]/sign-in/actions");
const { getAuth } = await import("@/lib/auth/auth");
const { THROTTLE_POLICY } = await import("@/lib/auth/throttle");
const { setupTestDatabase } = await import("../setup/test-database");
const { makeUser, TEST_PASSWORD } = await import("../setup/users");

setupTestDatabase();
vi.setConfig({ testTimeout: 30_000 });

/**
 * The password check itself (better-auth's scrypt, some 100 ms of CPU each) is stood in for by a
 * quick one with the same answers: these tests are about which attempts reach it.
 */
const accounts = new Set<string>();
function checkPasswordsQuickly() {
  return vi.spyOn(getAuth().api, "signInEmail").mockImplementation((async ({ body }: { body: { email: string; password: string } }) => {
    if (accounts.has(body.email) && body.password === TEST_PASSWORD) return { redirect: false, token: "t", user: {} };
    throw new Error("Invalid email or password");
  }) as never);
}
async function account(role: "viewer" | "editor") {
  const user = await makeUser(role);
  accounts.add(user.email);
  return user;
}

const PEER = "x-ceb-peer-address";
const policy = THROTTLE_POLICY as unknown as { maxDelayMs: number };
const savedDelay = THROTTLE_POLICY.maxDelayMs;

/** One sign-in through the action, from `peer` (the socket) with optional proxy headers. */
async function attempt(email: string, password: string, peer: string, extra: Record<string, string> = {}) {
  requestHeaders = new Headers({ [PEER]: peer, ...extra });
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  form.set("next", "/");
  try {
    const state = await signIn({ email: "", fieldErrors: {}, formError: null }, form);
    return state.formError ?? "none";
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("REDIRECT")) return "signed-in";
    throw error;
  }
}

beforeAll(() => {
  // Delays are part of the policy but would only slow these tests down.
  policy.maxDelayMs = 0;
});
afterEach(() => {
  delete process.env.TRUST_PROXY;
  vi.restoreAllMocks();
});
beforeEach(() => {
  policy.maxDelayMs = 0;
});

describe("3b. the throttle is atomic", () => {
  it("30 parallel wrong passwords: no more than the limit are checked, the rest are refused as locked", async () => {
    const victim = await account("viewer");
    const checks = checkPasswordsQuickly();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(victim.email, "wrong password here", "203.0.113.50")));
    expect(checks.mock.calls.length).toBeLessThanOrEqual(THROTTLE_POLICY.lockAfter.pair);
    expect(results.filter((result) => result === "invalid")).toHaveLength(THROTTLE_POLICY.lockAfter.pair);
    expect(results.filter((result) => result === "locked")).toHaveLength(30 - THROTTLE_POLICY.lockAfter.pair);
  });
});

describe("3c. an attacker cannot lock the owner out", () => {
  it("after the attacker's address is locked for the account, the owner signs in from another address", async () => {
    const owner = await account("editor");
    checkPasswordsQuickly();
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.pair; i++) expect(await attempt(owner.email, "guess number " + i, "198.51.100.66")).toBe("invalid");
    expect(await attempt(owner.email, TEST_PASSWORD, "198.51.100.66")).toBe("locked");
    expect(await attempt(owner.email, TEST_PASSWORD, "192.0.2.10")).toBe("signed-in");
  });

  it("a success from the owner's address does not unlock the attacker's", async () => {
    const owner = await account("viewer");
    checkPasswordsQuickly();
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.pair; i++) await attempt(owner.email, "guess number " + i, "198.51.100.67");
    expect(await attempt(owner.email, TEST_PASSWORD, "192.0.2.11")).toBe("signed-in");
    expect(await attempt(owner.email, TEST_PASSWORD, "198.51.100.67")).toBe("locked");
  });
});

describe("3a. the client's address comes from the socket unless TRUST_PROXY says otherwise", () => {
  it("rotating X-Forwarded-For does not escape the per-address limit", async () => {
    checkPasswordsQuickly();
    const results: string[] = [];
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.address + 5; i++) {
      results.push(await attempt(`nobody${i}@example.org`, "wrong password", "203.0.113.99", { "x-forwarded-for": `10.0.${i >> 8}.${i & 255}` }));
    }
    expect(results.slice(0, THROTTLE_POLICY.lockAfter.address).every((result) => result === "invalid")).toBe(true);
    expect(results.slice(THROTTLE_POLICY.lockAfter.address)).toEqual(Array(5).fill("locked"));
  });

  it("with TRUST_PROXY=1, people behind one proxy are told apart by the address it appends", async () => {
    process.env.TRUST_PROXY = "1";
    const colleague = await account("viewer");
    checkPasswordsQuickly();
    for (let i = 0; i < THROTTLE_POLICY.lockAfter.address; i++) {
      await attempt(`spray${i}@example.org`, "wrong password", "127.0.0.1", { "x-forwarded-for": `forged.${i}, 203.0.113.7` });
    }
    expect(await attempt("spray-more@example.org", "wrong password", "127.0.0.1", { "x-forwarded-for": "203.0.113.7" })).toBe("locked");
    expect(await attempt(colleague.email, TEST_PASSWORD, "127.0.0.1", { "x-forwarded-for": "203.0.113.8" })).toBe("signed-in");
  });
});

describe("clientAddress", () => {
  it("reads TRUST_PROXY as a number of hops", async () => {
    const { clientAddress } = await import("@/lib/http/client-address");
    const headers = (xff?: string) => new Headers({ [PEER]: "10.0.0.1", ...(xff ? { "x-forwarded-for": xff } : {}) });
    expect(clientAddress(headers("1.1.1.1"), undefined)).toBe("10.0.0.1");
    expect(clientAddress(headers("1.1.1.1"), "0")).toBe("10.0.0.1");
    expect(clientAddress(headers("9.9.9.9, 1.1.1.1"), "1")).toBe("1.1.1.1");
    expect(clientAddress(headers("9.9.9.9, 1.1.1.1, 2.2.2.2"), "2")).toBe("1.1.1.1");
    expect(clientAddress(headers("1.1.1.1"), "3")).toBe("1.1.1.1");
    expect(clientAddress(headers(), "1")).toBe("10.0.0.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1" }), undefined)).toBe("unknown");
    expect(() => clientAddress(headers(), "yes")).toThrow(/TRUST_PROXY/);
  });
});

describe("the server stamps the socket's address on every request", () => {
  it("overwrites whatever the client sent in the peer header", async () => {
    const http = await import("node:http");
    const { installPeerAddressHook } = await import("@/lib/http/peer-address-hook");
    installPeerAddressHook();
    installPeerAddressHook(); // twice is harmless
    const server = http.createServer((request, response) => response.end(String(request.headers[PEER])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER]: "6.6.6.6" } });
      expect(await answer.text()).toBe("127.0.0.1");
    } finally {
      server.close();
    }
  });
});

afterEach(() => {
  policy.maxDelayMs = savedDelay;
});
