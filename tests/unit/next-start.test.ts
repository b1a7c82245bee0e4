import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("npm start listens where PORT and HOSTNAME say", () => {
  it("reads PORT and HOSTNAME, and refuses a PORT that is not a port", async () => {
    const { listenOptions } = await import("../../scripts/next-start.mjs");
    expect(listenOptions({ PORT: "3201", HOSTNAME: "127.0.0.1" })).toEqual({ port: 3201, hostname: "127.0.0.1" });
    expect(listenOptions({ HOSTNAME: "::1" })).toEqual({ port: 3000, hostname: "::1" });
    expect(listenOptions({})).toEqual({ port: 3000, hostname: undefined });
    expect(listenOptions({ HOSTNAME: "  " })).toEqual({ port: 3000, hostname: undefined });
    expect(() => listenOptions({ PORT: "http" })).toThrow(/PORT/);
  });

  it("finds the session token in a Cookie header, signed or not, secure or not", async () => {
    const { sessionTokenOf } = await import("../../scripts/next-start.mjs");
    expect(sessionTokenOf("a=1; better-auth.session_token=abc123.c2ln%3D; b=2")).toBe("abc123");
    expect(sessionTokenOf("__Secure-better-auth.session_token=xyz.sig")).toBe("xyz");
    expect(sessionTokenOf("NEXT_LOCALE=fr")).toBeNull();
    expect(sessionTokenOf("better-auth.session_token=%E0%A4%A")).toBeNull();
  });

  it("watches the same database file the app opens when DATABASE_PATH is not set", async () => {
    const server = await import("../../scripts/next-start.mjs");
    const db = await import("../../db/index");
    expect(server.DEFAULT_DATABASE_PATH).toBe(db.DEFAULT_DATABASE_PATH);
  });

  it("npm start and npm run serve go through it", () => {
    const { scripts } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/node scripts\/next-start\.mjs$/);
    expect(scripts.serve).toBe("node scripts/next-start.mjs");
  });
});
