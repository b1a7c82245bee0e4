// @ts-check
// Read routes answered before Next's router (docs/decisions/022-direct-reads.md). A route module
// registers its answer under its path when Next first loads it (lib/http/direct-reads.ts); from
// then on this server calls that answer itself for a GET of that path, without Next's routing,
// request and response objects and web streams, which cost more than the answer on the
// roadmap's bar windows. The answer is the route's own code; anything it does not answer (a
// refusal, an error) goes to Next, which runs the same route as before.
import { gzip } from "node:zlib";
import { acceptsGzip } from "./response-cache.mjs";

/** Where lib/http/direct-reads.ts keeps the answers: shared through the process, across bundles. */
const REGISTRY = Symbol.for("ceb.directReads");

/** Smaller answers are sent as they are (Next's compression does the same under 1 KB). */
const MIN_COMPRESSED_BYTES = 1024;

/**
 * @typedef {{ method: string, url: string, headers: Headers }} DirectRequest
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} DirectAnswer
 * @typedef {(request: DirectRequest) => Promise<DirectAnswer | null>} DirectRead
 */

/** @returns {Map<string, DirectRead>} */
export function directReads() {
  const scope = /** @type {Record<symbol, Map<string, DirectRead> | undefined>} */ (/** @type {unknown} */ (globalThis));
  return (scope[REGISTRY] ??= new Map());
}

/**
 * The request's headers as the Fetch API has them; from `request.headers`, which the response
 * cache may have changed (it takes Accept-Encoding away from an answer it will compress itself).
 * @param {import("node:http").IncomingMessage} request
 */
function headersOf(request) {
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
  } catch {
    // A header the Fetch API refuses: Next parses the request its own way.
    return null;
  }
  return headers;
}

/**
 * `handle` with the registered reads in front of it: a GET of a registered path is answered by
 * its read, or by `handle` when the read leaves it (returns null) or nothing is registered.
 * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
 * @returns {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => Promise<unknown>}
 */
export function withDirectReads(handle) {
  const reads = directReads();
  return async (request, response) => {
    const url = request.url ?? "/";
    const questionMark = url.indexOf("?");
    const read = request.method === "GET" ? reads.get(questionMark === -1 ? url : url.slice(0, questionMark)) : undefined;
    const headers = read ? headersOf(request) : null;
    if (!read || !headers) return handle(request, response);
    let answer;
    try {
      // A fixed origin: reads take only the path and query from the address, and a Host header is the client's to make up.
      answer = await read({ method: "GET", url: `http://localhost${url}`, headers });
    } catch {
      answer = null;
    }
    if (!answer) return handle(request, response);
    let body = Buffer.from(answer.body);
    /** @type {Record<string, string | number>} */
    const sent = { ...answer.headers };
    if (body.length >= MIN_COMPRESSED_BYTES) {
      sent.vary = "Accept-Encoding";
      if (acceptsGzip(headers.get("accept-encoding") ?? "")) {
        // In the thread pool, off the event loop.
        body = await new Promise((resolve, reject) => gzip(body, (error, zipped) => (error ? reject(error) : resolve(zipped))));
        sent["content-encoding"] = "gzip";
      }
    }
    sent["content-length"] = body.length;
    response.writeHead(answer.status, sent);
    response.end(body);
  };
}
