/**
 * Security headers on pages (a CSP with a fresh nonce, framing refused, HSTS on https), the
 * Origin of a page write compared with APP_URL, and server actions that answer a foreign or
 * missing Origin with 403 before any action runs. (The REST API takes writes with a bearer token
 * only, so no Origin matters there: tests/integration/milestone-writes.test.ts.)
 */
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { proxy } from "@/proxy";
import { isAllowedOrigin } from "@/lib/http/origin";

const SESSION = { cookie: "better-auth.session_token=abc.def" };

afterEach(() => {
  delete process.env.APP_URL;
  delete process.env.PORT;
});

const run = async (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  (await proxy(new NextRequest(url, { method: init.method ?? "GET", headers: { ...SESSION, ...init.headers } })))!;

/** The directives of a CSP header: name → sources. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map(
    (csp ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("5. security headers on pages", () => {
  it("a page gets a CSP whose scripts need this response's nonce; inline script without it cannot run", async () => {
    const response = await run("http://localhost:3000/en/timeline");
    const csp = response.headers.get("content-security-policy");
    const policy = directives(csp);
    const scripts = policy.get("script-src") ?? [];
    const nonce = scripts.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // Next reads the nonce from the request's CSP to put it on its own scripts.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const again = directives((await run("http://localhost:3000/en/timeline")).headers.get("content-security-policy"));
    expect(again.get("script-src")).not.toContain(nonce);
  });

  it("refuses framing and sniffing, limits the referrer", async () => {
    const response = await run("http://localhost:3000/en/admin");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("the redirect to sign-in carries the headers too", async () => {
    const response = (await proxy(new NextRequest("http://localhost:3000/en/admin")))!;
    expect(response.status).toBe(307);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(directives(response.headers.get("content-security-policy")).get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("sends HSTS only when APP_URL is https", async () => {
    expect((await run("http://localhost:3000/en")).headers.get("strict-transport-security")).toBeNull();
    process.env.APP_URL = "https://tracker.example.org";
    expect((await run("https://tracker.example.org/en")).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("next.config.ts sends the static headers on every path (static files and the API too)", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((rule) => rule.source === "/:path*");
    const value = (name: string) => all?.headers.find((header) => header.key.toLowerCase() === name)?.value;
    expect(value("x-content-type-options")).toBe("nosniff");
    expect(value("x-frame-options")).toBe("DENY");
    expect(value("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const api = rules.find((rule) => rule.source === "/api/:path*");
    expect(api?.headers.find((header) => header.key.toLowerCase() === "content-security-policy")?.value).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("6. a page write's Origin must be the configured APP_URL", () => {
  const refused = (origin: string | null) => !isAllowedOrigin(origin);

  it("compares scheme, host and port with APP_URL, never a Host the client sets", () => {
    process.env.APP_URL = "https://tracker.example.org";
    expect(refused("https://tracker.example.org")).toBe(false);
    expect(refused("http://tracker.example.org")).toBe(true);
    expect(refused("https://tracker.example.org:8443")).toBe(true);
    expect(refused("https://evil.example")).toBe(true);
    expect(refused("null")).toBe(true);
    expect(refused(null)).toBe(true);
  });

  it("without APP_URL, the local address on PORT under any of its loopback names", () => {
    process.env.PORT = "3210";
    expect(refused("http://localhost:3210")).toBe(false);
    expect(refused("http://127.0.0.1:3210")).toBe(false);
    expect(refused("http://[::1]:3210")).toBe(false);
    expect(refused("http://localhost:3211")).toBe(true);
    expect(refused("https://localhost:3210")).toBe(true);
  });

  it("a server action from a forged Host with a matching Origin is still refused", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const response = await run("http://evil.example/en/admin", {
      method: "POST",
      headers: { "next-action": "7f00aa", origin: "http://evil.example", host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(response.status).toBe(403);
  });
});

describe("7. server actions answer a foreign or missing Origin with 403", () => {
  const action = (origin?: string, path = "/en/admin") =>
    run(`http://localhost:3000${path}`, {
      method: "POST",
      headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...(origin ? { origin } : {}) },
    });

  it("a foreign Origin is 403 problem+json", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const response = await action("https://evil.example");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("no Origin at all is 403", async () => {
    process.env.APP_URL = "http://localhost:3000";
    expect((await action()).status).toBe(403);
    expect((await action(undefined, "/en/sign-in")).status).toBe(403);
  });

  it("a form posted without JavaScript (no Next-Action header) is checked the same way", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const response = await run("http://localhost:3000/en/account", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });

  it("our own Origin goes through", async () => {
    process.env.APP_URL = "http://localhost:3000";
    const response = await action("http://localhost:3000");
    expect(response.status).not.toBe(403);
  });
});
