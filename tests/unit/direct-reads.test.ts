import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { directReads, withDirectReads } from "../../scripts/direct-reads.mjs";
import { createResponseCache } from "../../scripts/response-cache.mjs";

type Handle = (request: http.IncomingMessage, response: http.ServerResponse) => unknown;

const servers: http.Server[] = [];
afterEach(async () => {
  directReads().clear();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A stand-in for Next that says who answered. */
function fakeNext() {
  const calls: string[] = [];
  const handle: Handle = (request, response) => {
    calls.push(`${request.method} ${request.url}`);
    response.writeHead(200, { "content-type": "text/plain" });
    response.end("next");
  };
  return { handle, calls };
}

async function serve(handler: Handle): Promise<string> {
  const server = http.createServer((request, response) => void handler(request, response));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A request as curl makes it: the bytes as sent, not decompressed. */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

const big = { rows: Array.from({ length: 200 }, (_, i) => [i, `bar ${i}`]) };

describe("reads answered before Next's router", () => {
  it("a GET of a registered path gets the read's answer; other paths and methods go to Next", async () => {
    const seen: { url: string; accept: string | null; cookie: string | null }[] = [];
    directReads().set("/api/bars", async (request) => {
      seen.push({ url: request.url, accept: request.headers.get("accept-language"), cookie: request.headers.get("cookie") });
      return { status: 200, headers: { "content-type": "application/json", etag: '"7"' }, body: JSON.stringify({ ok: true }) };
    });
    const next = fakeNext();
    const origin = await serve(withDirectReads(next.handle));

    const direct = await get(`${origin}/api/bars?from=2024-01-01`, { "accept-language": "fr", cookie: "a=1", host: "example.org/x?from=1999-01-01&" });
    expect(direct.status).toBe(200);
    expect(direct.headers.etag).toBe('"7"');
    expect(JSON.parse(direct.body.toString())).toEqual({ ok: true });
    expect(direct.headers["content-length"]).toBe(String(direct.body.length));
    expect(seen).toEqual([{ url: "http://localhost/api/bars?from=2024-01-01", accept: "fr", cookie: "a=1" }]);

    expect((await get(`${origin}/api/bars/more`)).body.toString()).toBe("next");
    expect((await get(`${origin}/api/bars`, {}, "POST")).body.toString()).toBe("next");
    expect(next.calls).toEqual(["GET /api/bars/more", "POST /api/bars"]);
  });

  it("what the read leaves (null, or an error) Next answers", async () => {
    let answer: "none" | "throw" = "none";
    directReads().set("/api/bars", async () => {
      if (answer === "throw") throw new Error("boom");
      return null;
    });
    const next = fakeNext();
    const origin = await serve(withDirectReads(next.handle));
    expect((await get(`${origin}/api/bars?x=1`)).body.toString()).toBe("next");
    answer = "throw";
    expect((await get(`${origin}/api/bars?x=2`)).body.toString()).toBe("next");
    expect(next.calls).toEqual(["GET /api/bars?x=1", "GET /api/bars?x=2"]);
  });

  it("compresses an answer of 1 KB or more for a client that takes gzip, and says it varies", async () => {
    directReads().set("/api/bars", async () => ({ status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(big) }));
    const origin = await serve(withDirectReads(fakeNext().handle));
    const zipped = await get(`${origin}/api/bars`, { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(gunzipSync(zipped.body).toString())).toEqual(big);
    const plain = await get(`${origin}/api/bars`, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(JSON.parse(plain.body.toString())).toEqual(big);
  });

  it("behind the response cache: a window's first answer goes out plain, the second is kept, the third comes compressed from the cache", async () => {
    let reads = 0;
    directReads().set("/api/timeline", async () => {
      reads++;
      return { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(big) };
    });
    const cache = createResponseCache({ dataVersion: () => 1, sessionExpiry: () => null });
    const handle = withDirectReads(fakeNext().handle);
    const origin = await serve((request, response) => cache.serve(request, response, handle));
    const headers = { "accept-encoding": "gzip" };
    const first = await get(`${origin}/api/timeline?offset=0`, headers);
    expect(first.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(first.body.toString())).toEqual(big);
    await get(`${origin}/api/timeline?offset=0`, headers);
    const third = await get(`${origin}/api/timeline?offset=0`, headers);
    expect(third.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(third.body).toString())).toEqual(big);
    expect(reads).toBe(2);
  });
});
