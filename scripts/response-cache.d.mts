import type { IncomingMessage, ServerResponse } from "node:http";

type Handle = (request: IncomingMessage, response: ServerResponse) => unknown;
type RequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** Whether a request's answer may be kept (a GET for a page or a read route of the API). */
export function isCacheableRequest(request: RequestLike): boolean;
/** The key of a request: every input of it an answer may depend on. */
export function cacheKey(request: RequestLike): string;

/** Whether an Accept-Encoding header takes gzip (named, and not with q=0). */
export function acceptsGzip(acceptEncoding: string): boolean;

/** Whether an answer's Set-Cookie may be replayed (none, or only the language cookie). */
export function onlyLanguageCookie(setCookie: string | string[] | undefined): boolean;

export type ResponseCacheOptions = {
  dataVersion: () => number | bigint;
  sessionExpiry?: (cookie: string) => number | null | Promise<number | null>;
  maxBytes?: number;
  maxEntryBytes?: number;
  ttlMs?: number;
  now?: () => number;
};

export function createResponseCache(options: ResponseCacheOptions): {
  serve: (request: IncomingMessage, response: ServerResponse, handle: Handle) => Promise<unknown>;
  stats: { hits: number; misses: number; bypasses: number; stored: number; notAdmitted: number; evicted: number; cleared: number };
  size: () => { entries: number; bytes: number };
};
