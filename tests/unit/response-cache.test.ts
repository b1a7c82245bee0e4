import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptsGzip, createResponseCache, isCacheableRequest } from "../../scripts/response-cache.mjs";

type Handle = (request: http.IncomingMessage, response: http.ServerResponse) => unknown;

/** A stand-in for Next: renders a page with a fresh nonce in its CSP header and scripts, and counts renders. */
function fakeNext(options: { status?: number; setCookie?: string; type?: string; delayMs?: number; size?: number; incompressible?: boolean } = {}) {
  const calls: string[] = [];
  const handle: Handle = async (request, response) => {
    calls.push(request.url ?? "");
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const nonce = randomBytes(16).toString("base64");
    response.statusCode = options.status ?? 200;
    response.setHeader("content-type", options.type ?? "text/html; charset=utf-8");
    response.setHeader("content-security-policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    if (options.setCookie) response.setHeader("set-cookie", [options.setCookie]);
    response.write(`<html><script nonce="${nonce}">render ${calls.length} of ${request.url} for ${request.headers.cookie ?? "nobody"}</script>`);
    const filler = options.incompressible ? randomBytes(Math.ceil(((options.size ?? 2000) * 3) / 4)).toString("base64") : "x".repeat(options.size ?? 2000);
    response.end(`${filler}<script nonce="${nonce}"></script></html>`);
  };
  return { handle, calls };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function serveWith(cache: ReturnType<typeof createResponseCache>, handle: Handle): Promise<string> {
  const server = http.createServer((request, response) => void cache.serve(request, response, handle));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A GET as curl makes it: the bytes as sent, not decompressed (fetch would). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  const csp = response.headers.get("content-security-policy") ?? "";
  return { status: response.status, body, hit: response.headers.get("x-response-cache") === "hit", nonce: /'nonce-([^']+)'/.exec(csp)?.[1] };
}

describe("the response cache in front of Next", () => {
  it("keeps a page and answers it again with a fresh nonce, in the header and in every script", async () => {
    const next = fakeNext();
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    const first = await get(`${origin}/en`);
    const second = await get(`${origin}/en`);
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(next.calls).toEqual(["/en"]);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body.split(`nonce="${second.nonce}"`)).toHaveLength(3);
    expect(second.body).not.toContain(first.nonce!);
    expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
  });

  it("renders afresh after any write to the database (data_version changed)", async () => {
    const next = fakeNext();
    let version = 1;
    const origin = await serveWith(createResponseCache({ dataVersion: () => version }), next.handle);
    await get(`${origin}/en/timeline`);
    expect((await get(`${origin}/en/timeline`)).hit).toBe(true);
    version = 2;
    const after = await get(`${origin}/en/timeline`);
    expect(after.hit).toBe(false);
    expect(after.body).toContain("render 2");
  });

  it("keeps one answer per user: the Cookie and Authorization headers are in the key", async () => {
    const next = fakeNext();
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    const alice = await get(`${origin}/en`, { cookie: "better-auth.session_token=alice.sig" });
    const bob = await get(`${origin}/en`, { cookie: "better-auth.session_token=bob.sig" });
    const token = await get(`${origin}/api/milestones`, { authorization: "Bearer t1" });
    const otherToken = await get(`${origin}/api/milestones`, { authorization: "Bearer t2" });
    expect([alice.hit, bob.hit, token.hit, otherToken.hit]).toEqual([false, false, false, false]);
    expect(bob.body).toContain("bob");
    const aliceAgain = await get(`${origin}/en`, { cookie: "better-auth.session_token=alice.sig" });
    expect(aliceAgain.hit).toBe(true);
    expect(aliceAgain.body).toContain("alice");
    expect(aliceAgain.body).not.toContain("bob");
  });

  it("keeps the client router's navigations apart from page loads and from each other", async () => {
    const next = fakeNext();
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    await get(`${origin}/en/timeline`);
    const navigation = { rsc: "1", "next-router-state-tree": "%5B%22%22%5D" };
    expect((await get(`${origin}/en/timeline?_rsc=1`, navigation)).hit).toBe(false);
    expect((await get(`${origin}/en/timeline?_rsc=1`, { ...navigation, "next-router-state-tree": "%5B%22other%22%5D" })).hit).toBe(false);
    expect((await get(`${origin}/en/timeline?_rsc=1`, navigation)).hit).toBe(true);
    expect((await get(`${origin}/en/timeline`)).hit).toBe(true);
    expect(next.calls).toHaveLength(3);
  });

  it("never keeps an answer that sets a cookie, is not a 200, or is not HTML or JSON", async () => {
    for (const options of [
      { setCookie: "better-auth.session_token=new.sig; Path=/; HttpOnly" },
      { setCookie: "a=1" },
      { status: 404 },
      { status: 500 },
      { type: "application/pdf" },
    ]) {
      const next = fakeNext(options);
      const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
      await get(`${origin}/en`);
      expect((await get(`${origin}/en`)).hit).toBe(false);
      expect(next.calls).toHaveLength(2);
    }
  });

  it("replays the language cookie next-intl sets from the page's path", async () => {
    const next = fakeNext({ setCookie: "NEXT_LOCALE=fr; Path=/; SameSite=lax" });
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    await get(`${origin}/fr`);
    const again = await fetch(`${origin}/fr`);
    expect(again.headers.get("x-response-cache")).toBe("hit");
    expect(again.headers.get("set-cookie")).toBe("NEXT_LOCALE=fr; Path=/; SameSite=lax");
    expect(next.calls).toHaveLength(1);
  });

  it("leaves alone the client router's requests, writes, static files, health checks and exports", () => {
    const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers });
    expect(isCacheableRequest(request("GET", "/en/workstreams/ai?page=2"))).toBe(true);
    expect(isCacheableRequest(request("GET", "/api/milestones?year=2021"))).toBe(true);
    expect(isCacheableRequest(request("GET", "/api/milestones/12/history"))).toBe(true);
    expect(isCacheableRequest(request("GET", "/api/timeline/lanes?year=2021"))).toBe(true);
    expect(isCacheableRequest(request("GET", "/en?_rsc=abc", { rsc: "1" }))).toBe(true);
    expect(isCacheableRequest(request("POST", "/en", { "next-action": "abc" }))).toBe(false);
    expect(isCacheableRequest(request("GET", "/en", { "if-none-match": '"x"' }))).toBe(false);
    expect(isCacheableRequest(request("HEAD", "/en"))).toBe(false);
    expect(isCacheableRequest(request("POST", "/en/workstreams/ai"))).toBe(false);
    expect(isCacheableRequest(request("PATCH", "/api/milestones/12"))).toBe(false);
    expect(isCacheableRequest(request("GET", "/_next/static/chunks/a.js"))).toBe(false);
    expect(isCacheableRequest(request("GET", "/favicon.ico"))).toBe(false);
    expect(isCacheableRequest(request("GET", "/api/health"))).toBe(false);
    expect(isCacheableRequest(request("GET", "/api/reports/2021?format=pdf"))).toBe(false);
    expect(isCacheableRequest(request("GET", "/api/reports/2021/workstreams?lang=fr"))).toBe(true);
    expect(isCacheableRequest(request("GET", "/api/auth/get-session"))).toBe(false);
  });

  it("lets an entry live no longer than its time to live, nor past the end of the session it was rendered for", async () => {
    let now = 1_000_000;
    const next = fakeNext();
    const cache = createResponseCache({
      dataVersion: () => 1,
      ttlMs: 60_000,
      now: () => now,
      sessionExpiry: (cookie: string) => (cookie.includes("short") ? 1_010_000 : null),
    });
    const origin = await serveWith(cache, next.handle);
    await get(`${origin}/en`);
    await get(`${origin}/en`, { cookie: "better-auth.session_token=short.sig" });
    now += 20_000;
    expect((await get(`${origin}/en`)).hit).toBe(true);
    expect((await get(`${origin}/en`, { cookie: "better-auth.session_token=short.sig" })).hit).toBe(false);
    now += 60_000;
    expect((await get(`${origin}/en`)).hit).toBe(false);
  });

  it("renders once when twenty people open the same page together", async () => {
    const next = fakeNext({ delayMs: 100 });
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(`${origin}/en`)));
    expect(next.calls).toHaveLength(1);
    expect(answers.every((answer) => answer.status === 200 && answer.body.includes("render 1"))).toBe(true);
    expect(answers.filter((answer) => answer.hit)).toHaveLength(19);
  });

  it("does not keep what was rendered while the data changed", async () => {
    let version = 1;
    const slow = fakeNext({ delayMs: 50 });
    const origin = await serveWith(createResponseCache({ dataVersion: () => version }), async (request, response) => {
      version = 2;
      await slow.handle(request, response);
    });
    await get(`${origin}/en`);
    expect((await get(`${origin}/en`)).hit).toBe(false);
  });

  it("sends a kept page compressed to a browser, with a fresh nonce that matches its CSP header, and the same page as uncompressed", async () => {
    const next = fakeNext({ size: 20_000 });
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), next.handle);
    const rendered = await rawGet(`${origin}/en`, { "accept-encoding": "gzip, deflate, br" });
    expect(rendered.headers["content-encoding"]).toBeUndefined();
    const browser = await rawGet(`${origin}/en`, { "accept-encoding": "gzip, deflate, br" });
    const again = await rawGet(`${origin}/en`, { "accept-encoding": "gzip, deflate, br" });
    const plain = await rawGet(`${origin}/en`);
    expect(next.calls).toHaveLength(1);
    expect(browser.headers["content-encoding"]).toBe("gzip");
    expect(Number(browser.headers["content-length"])).toBe(browser.body.length);
    expect(browser.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(Number(plain.headers["content-length"])).toBe(plain.body.length);
    const page = gunzipSync(browser.body).toString();
    const nonce = nonceOf(browser.headers["content-security-policy"] as string)!;
    expect(page.split(`nonce="${nonce}"`)).toHaveLength(3);
    expect(nonceOf(again.headers["content-security-policy"] as string)).not.toBe(nonce);
    const plainNonce = nonceOf(plain.headers["content-security-policy"] as string)!;
    expect(page.replaceAll(nonce, "N")).toBe(plain.body.toString().replaceAll(plainNonce, "N"));
    expect(page.replaceAll(nonce, "N")).toBe(rendered.body.toString().replaceAll(nonceOf(rendered.headers["content-security-policy"] as string)!, "N"));
    expect(browser.body.length).toBeLessThan(plain.body.length / 10);
  });

  it("sends a kept JSON answer compressed, and small answers as they are", async () => {
    const items = JSON.stringify({ items: Array.from({ length: 200 }, (_, id) => ({ id, title: `Milestone ${id}` })) });
    const origin = await serveWith(createResponseCache({ dataVersion: () => 1 }), (request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(request.url === "/api/workstreams" ? JSON.stringify({ items: [] }) : items);
    });
    for (const url of ["/api/milestones", "/api/workstreams"]) await rawGet(origin + url);
    const large = await rawGet(`${origin}/api/milestones`, { "accept-encoding": "gzip" });
    const small = await rawGet(`${origin}/api/workstreams`, { "accept-encoding": "gzip" });
    expect(large.headers["x-response-cache"]).toBe("hit");
    expect(large.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(large.body).toString()).toBe(items);
    expect(small.headers["x-response-cache"]).toBe("hit");
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(small.body.toString()).toBe('{"items":[]}');
  });

  it("takes gzip only when the client names it without q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("x-gzip")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip; q=0.000, identity")).toBe(false);
    expect(acceptsGzip("deflate, br")).toBe(false);
    expect(acceptsGzip("")).toBe(false);
  });

  it("stays within its size, dropping the least recently used first", async () => {
    const next = fakeNext({ size: 60_000, incompressible: true });
    const cache = createResponseCache({ dataVersion: () => 1, maxBytes: 130_000 });
    const origin = await serveWith(cache, next.handle);
    for (const page of ["a", "b", "c", "d"]) await rawGet(`${origin}/en/${page}`);
    await vi.waitFor(() => expect(cache.stats.stored).toBe(4));
    expect(cache.size().bytes).toBeLessThanOrEqual(130_000);
    expect(cache.size().entries).toBe(2);
    expect((await rawGet(`${origin}/en/d`)).headers["x-response-cache"]).toBe("hit");
    expect((await rawGet(`${origin}/en/a`)).headers["x-response-cache"]).toBeUndefined();
  });

  it("compresses an answer once, when it is asked for again by a browser, and counts what it keeps", async () => {
    const next = fakeNext({ size: 400_000 });
    const cache = createResponseCache({ dataVersion: () => 1, maxBytes: 1_000_000 });
    const origin = await serveWith(cache, next.handle);
    // The rendering answer goes out as Next wrote it, and is kept so: a miss compresses nothing.
    const first = await rawGet(`${origin}/en/a`, { "accept-encoding": "gzip" });
    expect(first.headers["content-encoding"]).toBeUndefined();
    await vi.waitFor(() => expect(cache.stats.stored).toBe(1));
    expect(cache.size().bytes).toBeGreaterThan(400_000);
    // Asked again by a browser: compressed once, the plain copy dropped.
    const again = await rawGet(`${origin}/en/a`, { "accept-encoding": "gzip" });
    expect(again.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(again.body).length).toBeGreaterThan(400_000);
    expect(cache.size().bytes).toBeLessThan(10_000);
    // A client without gzip brings the plain copy back, and it is counted.
    const plain = await rawGet(`${origin}/en/a`);
    expect(plain.headers["x-response-cache"]).toBe("hit");
    expect(plain.body.length).toBeGreaterThan(400_000);
    expect(cache.size().bytes).toBeGreaterThan(400_000);
    expect(next.calls).toEqual(["/en/a"]);
  });

  it("drops older pages when a plain copy no longer fits", async () => {
    const next = fakeNext({ size: 400_000 });
    const cache = createResponseCache({ dataVersion: () => 1, maxBytes: 450_000 });
    const origin = await serveWith(cache, next.handle);
    for (const page of ["a", "b", "c"]) {
      await rawGet(`${origin}/en/${page}`);
      await rawGet(`${origin}/en/${page}`, { "accept-encoding": "gzip" });
    }
    // Three pages of 400 KB, compressed, take a few KB.
    expect(cache.size()).toEqual({ entries: 3, bytes: expect.any(Number) });
    expect(cache.size().bytes).toBeLessThan(10_000);
    await rawGet(`${origin}/en/b`);
    expect(cache.size().bytes).toBeGreaterThan(400_000);
    // A second plain copy does not fit: the least recently used go (a, then b).
    await rawGet(`${origin}/en/c`);
    expect(cache.size().entries).toBe(1);
    expect(cache.size().bytes).toBeLessThanOrEqual(450_000);
    expect((await rawGet(`${origin}/en/c`)).headers["x-response-cache"]).toBe("hit");
    expect((await rawGet(`${origin}/en/b`)).headers["x-response-cache"]).toBeUndefined();
    expect(next.calls).toEqual(["/en/a", "/en/b", "/en/c", "/en/b"]);
  });

  it("keeps a window of the roadmap's bars only when it is asked for a second time, and forgets who asked on a write", async () => {
    let version = 1;
    const bars = JSON.stringify({ bars: Array.from({ length: 100 }, (_, id) => [id, `Milestone ${id}`]) });
    const calls: string[] = [];
    const cache = createResponseCache({ dataVersion: () => version });
    const origin = await serveWith(cache, (request, response) => {
      calls.push(request.url ?? "");
      response.setHeader("content-type", "application/json");
      response.end(bars);
    });
    const window = `${origin}/api/timeline?from=2025-01-01&to=2025-06-30&offset=0&limit=50`;
    // Asked once: answered, not kept.
    expect((await rawGet(window)).body.toString()).toBe(bars);
    expect(cache.size().entries).toBe(0);
    expect(cache.stats.notAdmitted).toBe(1);
    // Asked again: rendered and kept; the third time it is a hit.
    expect((await rawGet(window)).headers["x-response-cache"]).toBeUndefined();
    await vi.waitFor(() => expect(cache.size().entries).toBe(1));
    expect((await rawGet(window)).headers["x-response-cache"]).toBe("hit");
    expect(calls).toHaveLength(2);
    // Other read routes are kept on their first answer, as before.
    await rawGet(`${origin}/api/timeline/lanes`);
    await vi.waitFor(() => expect(cache.size().entries).toBe(2));
    // A write empties the cache and the doorkeeper: the window is again a first request.
    version = 2;
    await rawGet(window);
    expect(cache.size().entries).toBe(0);
    await rawGet(window);
    await vi.waitFor(() => expect(cache.size().entries).toBe(1));
    expect(calls.filter((url) => url.startsWith("/api/timeline?"))).toHaveLength(4);
  });

  it("sends an answer of the API in one piece with its length, kept or not, and leaves pages streaming", async () => {
    const json = JSON.stringify({ items: Array.from({ length: 3000 }, (_, id) => ({ id })) });
    const cache = createResponseCache({ dataVersion: () => 1 });
    const origin = await serveWith(cache, (request, response) => {
      // As Next writes a route's answer: headers flushed first, then the body in chunks.
      response.statusCode = 200;
      response.setHeader("content-type", request.url!.startsWith("/api/") ? "application/json" : "text/html; charset=utf-8");
      response.flushHeaders();
      response.write(json.slice(0, 1000));
      response.write(Buffer.from(json.slice(1000)));
      response.end();
    });
    for (const url of ["/api/milestones", "/api/timeline?from=2025-01-01&to=2025-06-30&offset=0&limit=50"]) {
      const answer = await rawGet(origin + url);
      expect(answer.body.toString()).toBe(json);
      expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(json)));
      expect(answer.headers["transfer-encoding"]).toBeUndefined();
    }
    const page = await rawGet(`${origin}/en`);
    expect(page.body.toString()).toBe(json);
    expect(page.headers["transfer-encoding"]).toBe("chunked");
  });
});
