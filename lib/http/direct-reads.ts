import "server-only";
import { isHttpsApp } from "./origin";
import { API_CONTENT_SECURITY_POLICY, HSTS, STATIC_SECURITY_HEADERS } from "./security-headers";

/**
 * Read routes the server answers before Next's router (docs/decisions/022-direct-reads.md;
 * scripts/direct-reads.mjs calls them). Kept on globalThis under a shared symbol: the server
 * script and the route bundles are separate modules of one process.
 */
const REGISTRY = Symbol.for("ceb.directReads");

/** What a read needs of a request: the route handlers' `Request` has it too. */
export type ReadRequest = { method: string; url: string; headers: Headers };

/** A successful read: its JSON body and its own headers (caching, validators). */
export type ReadAnswer = { body: unknown; headers: Record<string, string> };

type DirectAnswer = { status: number; headers: Record<string, string>; body: string };
type DirectRead = (request: ReadRequest) => Promise<DirectAnswer | null>;

function registry(): Map<string, DirectRead> {
  const scope = globalThis as unknown as Record<symbol, Map<string, DirectRead> | undefined>;
  return (scope[REGISTRY] ??= new Map());
}

/**
 * The headers an API answer gets on its way through Next (next.config.ts's headers and
 * withProblemDetails's), so a direct answer carries the same.
 */
function apiHeaders(own: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, value } of STATIC_SECURITY_HEADERS) headers[key] = value;
  headers["Content-Security-Policy"] = API_CONTENT_SECURITY_POLICY;
  if (isHttpsApp()) headers["strict-transport-security"] = HSTS;
  return { ...headers, "cache-control": "no-store", ...own, "content-type": "application/json" };
}

/**
 * Lets the server answer GET `pathname` with `read` directly. Only a successful read is answered
 * so: a refusal or an error is left to the route handler, which runs the same read through Next
 * and answers with its problem details.
 */
export function registerDirectRead(pathname: string, read: (request: ReadRequest) => Promise<ReadAnswer>): void {
  if (process.env.DIRECT_READS === "0") return;
  registry().set(pathname, async (request) => {
    try {
      const answer = await read(request);
      return { status: 200, headers: apiHeaders(answer.headers), body: JSON.stringify(answer.body) };
    } catch {
      return null;
    }
  });
}
