import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("npm start listens where PORT and HOSTNAME say", () => {
  it("passes HOSTNAME to next start as -H, and PORT as -p", async () => {
    const { nextStartArgs } = await import("../../scripts/next-start.mjs");
    expect(nextStartArgs({ PORT: "3201", HOSTNAME: "127.0.0.1" })).toEqual(["start", "-p", "3201", "-H", "127.0.0.1"]);
    expect(nextStartArgs({ HOSTNAME: "::1" })).toEqual(["start", "-p", "3000", "-H", "::1"]);
    expect(nextStartArgs({})).toEqual(["start", "-p", "3000"]);
    expect(nextStartArgs({ HOSTNAME: "  " })).toEqual(["start", "-p", "3000"]);
  });

  it("npm start and npm run serve go through it", () => {
    const { scripts } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toMatch(/node scripts\/next-start\.mjs$/);
    expect(scripts.serve).toBe("node scripts/next-start.mjs");
  });
});
