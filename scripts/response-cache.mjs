// @ts-check
// A cache of whole answers (pages and the JSON read API) in front of Next, in the server's own
// process (docs/decisions/016-response-cache.md). Reads outnumber writes by far, and a page costs
// 100–500 ms of server rendering at 10,000 milestones; an answer kept here costs well under one.
//
// Correctness rests on three rules:
// - the key holds every input a page or read route may read from the request: its path and query,
//   the Cookie and Authorization headers (so the signed-in user and their role), Accept-Language,
//   User-Agent and the client router's headers;
// - an entry belongs to one state of the database: SQLite's `data_version` changes whenever any
//   connection (this server's, a command line's) commits, and a change empties the cache, so a
//   write is visible on the writer's next request and everyone else's;
// - an entry lives at most `ttlMs` (time moves "today", the roadmap's window, relative dates) and
//   never past the expiry of the session it was rendered for.
// The page's Content-Security-Policy nonce is renewed on every answer, as if rendered afresh.
// An answer asked for again is kept compressed (scripts/gzip-segments.mjs), so a gzip answer costs no compression.
import { randomBytes } from "node:crypto";
import { compressParts, decompressParts, gzipWithNonce, splitAtNonce } from "./gzip-segments.mjs";

/** The read routes of the JSON API whose answers depend only on the key's inputs and the data. */
const CACHEABLE_API = [
  /^\/api\/milestones$/,
  /^\/api\/milestones\/\d+(\/history)?$/,
  /^\/api\/workstreams(\/[^/]+)?$/,
  /^\/api\/timeline(\/lanes|\/portfolio)?$/,
  /^\/api\/reports\/\d+\/workstreams$/,
];

/**
 * The roadmap's bar windows: a browser asks for each window once (react-query keeps it), so with
 * every reader panning their own way nearly every window is asked for once. Such an answer is
 * kept only when its key is asked for a second time while still among the recent first requests
 * (a "doorkeeper"): a window nobody asks for again costs no copy, no memory and no garbage.
 */
const ADMIT_ON_SECOND_REQUEST = /^\/api\/timeline$/;

/** How many keys asked for once the doorkeeper remembers, the oldest forgotten first. */
const DOORKEEPER_KEYS = 8192;

/** Conditional or partial requests and server actions: Next answers those itself. */
const BYPASS_HEADERS = ["next-action", "if-none-match", "if-modified-since", "range"];

/**
 * The client router's headers: Next's answer varies with them (its Vary header names them), so
 * they are part of the key. A navigation inside the app (an RSC request) is kept like a page load.
 */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

/** Headers of a kept answer that belong to one transmission, not to the answer. */
const TRANSMISSION_HEADERS = new Set(["date", "content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding"]);

const NONCE_PATTERN = /'nonce-([A-Za-z0-9+/=_-]+)'/;

/** The proxy's nonce: 16 random bytes in base64, so always 24 characters. */
const NONCE_BYTES = 16;
const NONCE_LENGTH = Math.ceil(NONCE_BYTES / 3) * 4;

/** Smaller answers are sent as they are: gzip would hardly shrink them. */
const MIN_COMPRESSED_BYTES = 1024;

/** Deflate's level for kept answers: compressed once per entry, so a smaller answer is worth more than the time (ADR 016). */
const COMPRESSION_LEVEL = 6;

/**
 * Whether a request's answer may be kept: a GET for a page (a load or the client router's
 * navigation) or a read route of the API; not a static file, a health check, an export or
 * sign-in's API.
 * @param {{ method?: string, url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function isCacheableRequest(request) {
  if (request.method !== "GET" || !request.url) return false;
  if (BYPASS_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const pathname = pathOf(request.url);
  if (pathname.startsWith("/api/")) return CACHEABLE_API.some((pattern) => pattern.test(pathname));
  // Pages: every path under Next's pages, but not its own files nor files with an extension.
  return !pathname.startsWith("/_next/") && !/\.[A-Za-z0-9]+$/.test(pathname);
}

/**
 * Whether an Accept-Encoding header takes gzip (named, and not with q=0).
 * @param {string} acceptEncoding
 */
export function acceptsGzip(acceptEncoding) {
  return acceptEncoding.split(",").some((coding) => {
    const [name = "", ...parameters] = coding.split(";").map((part) => part.trim().toLowerCase());
    if (name !== "gzip" && name !== "x-gzip") return false;
    const quality = parameters.find((parameter) => parameter.startsWith("q="));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

/** @param {string | undefined} url */
function pathOf(url = "") {
  const questionMark = url.indexOf("?");
  return questionMark === -1 ? url : url.slice(0, questionMark);
}

/**
 * Lets an answer of the JSON API go out in one write: Next flushes the headers as soon as the
 * route answers and writes the body after them, two system calls that each wake the client (on
 * two cores the client and the server take turns). The body is held until Next ends it and sent
 * with its headers, with its length when Next has not fixed the headers yet. Pages stream and are
 * left alone; API answers are small (a few to a few hundred KB).
 * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
 */
function inOneWrite(request, response) {
  if (!pathOf(request.url).startsWith("/api/")) return;
  /** @type {Buffer[]} */
  const held = [];
  const originalEnd = response.end;
  const hold = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
    const buffer = chunk === undefined || chunk === null || typeof chunk === "function" ? null : toBuffer(chunk, encoding);
    if (buffer?.length) held.push(buffer);
  };
  response.flushHeaders = () => {};
  /** @type {any} */ (response).write = function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
    hold(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  /** @type {any} */ (response).end = function (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding, /** @type {unknown} */ callback) {
    hold(chunk, encoding);
    const done = [chunk, encoding, callback].find((argument) => typeof argument === "function");
    const body = Buffer.concat(held);
    if (!response.headersSent && !response.hasHeader("content-length") && !response.hasHeader("transfer-encoding"))
      response.setHeader("content-length", body.length);
    return originalEnd.call(this, body, /** @type {any} */ (done));
  };
}

/** @param {string | string[] | undefined} value */
function headerText(value) {
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

/**
 * The key: every input of the request that an answer may depend on.
 * @param {{ url?: string, headers: Record<string, string | string[] | undefined> }} request
 */
export function cacheKey(request) {
  const h = request.headers;
  return JSON.stringify([
    request.url,
    headerText(h.cookie),
    headerText(h.authorization),
    headerText(h["accept-language"]),
    headerText(h["user-agent"]),
    ...ROUTER_HEADERS.map((name) => headerText(h[name])),
  ]);
}

/**
 * Whether an answer's Set-Cookie may be replayed: none, or only the language cookie next-intl
 * sets from the page's path (the same for every request with the same key). Any other cookie
 * (a session above all) belongs to one answer.
 * @param {string | string[] | undefined} setCookie
 */
export function onlyLanguageCookie(setCookie) {
  if (setCookie === undefined) return true;
  return (Array.isArray(setCookie) ? setCookie : [setCookie]).every((cookie) => /^NEXT_LOCALE=[A-Za-z-]*;/.test(cookie));
}

/** @param {unknown} chunk @param {unknown} encoding */
function toBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === "string") return Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === "string" ? encoding : "utf8"));
  return null;
}

/**
 * A Vary header that names Accept-Encoding: the same key is answered compressed or not.
 * @param {string | string[] | undefined} vary
 */
function withAcceptEncoding(vary) {
  const text = headerText(vary);
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(text)) return text;
  return text ? `${text}, Accept-Encoding` : "Accept-Encoding";
}

/**
 * A fresh nonce like the proxy's.
 * @returns {string}
 */
function newNonce() {
  return randomBytes(NONCE_BYTES).toString("base64");
}

/**
 * The body is kept split at each occurrence of the nonce, as rendered (`parts`). The first time
 * a client that takes gzip asks for it again, it is compressed once (`gzip`) and the plain copy
 * dropped; a plain copy comes back only if a client that does not take gzip asks for it. An
 * answer nobody asks for twice (every window of the roadmap different) is never compressed.
 * @typedef {object} Entry
 * @property {number} status
 * @property {Record<string, string | string[]>} headers  without the transmission headers
 * @property {Buffer[] | null} parts  the body split at each occurrence of the nonce
 * @property {import("./gzip-segments.mjs").CompressedParts | null} gzip  the same parts, compressed
 * @property {string | null} nonce  the nonce the answer was rendered with
 * @property {number} bytes  memory it holds, counted against maxBytes
 * @property {number} expiresAt
 */

/**
 * @typedef {object} ResponseCacheOptions
 * @property {() => number | bigint} dataVersion  changes whenever the database changes
 * @property {(cookie: string) => number | null | Promise<number | null>} [sessionExpiry]  when the session in a Cookie header ends (ms), if it has one
 * @property {number} [maxBytes]  all entries together
 * @property {number} [maxEntryBytes]
 * @property {number} [ttlMs]
 * @property {() => number} [now]
 */

/**
 * @param {ResponseCacheOptions} options
 */
export function createResponseCache(options) {
  const { dataVersion, sessionExpiry = () => null, maxBytes = 48 * 1024 * 1024, maxEntryBytes = 2 * 1024 * 1024, ttlMs = 60_000, now = Date.now } = options;
  /** @type {Map<string, Entry>} */
  const entries = new Map();
  /** @type {Map<string, Promise<Entry | null>>} */
  const inflight = new Map();
  /** Keys of ADMIT_ON_SECOND_REQUEST answered once and not kept, oldest first. */
  const askedOnce = new Set();
  let totalBytes = 0;
  /** @type {number | bigint | undefined} */
  let version;
  const stats = { hits: 0, misses: 0, bypasses: 0, stored: 0, notAdmitted: 0, evicted: 0, cleared: 0 };

  function clear() {
    entries.clear();
    askedOnce.clear();
    totalBytes = 0;
  }

  /** @param {string} key */
  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalBytes -= entry.bytes;
  }

  /** @param {string} key @param {Entry} entry */
  function store(key, entry) {
    remove(key);
    entries.set(key, entry);
    totalBytes += entry.bytes;
    stats.stored++;
    evictOverflow();
  }

  function evictOverflow() {
    for (const [oldest] of entries) {
      if (totalBytes <= maxBytes) break;
      remove(oldest);
      stats.evicted++;
    }
  }

  /**
   * The entry's body compressed, compressed once (a few ms) the first time it is sent again to a
   * client that takes gzip; its plain copy is then dropped. Null for an answer too small to gain.
   * @param {string} key @param {Entry} entry
   * @returns {import("./gzip-segments.mjs").CompressedParts | null}
   */
  function compressedParts(key, entry) {
    if (entry.gzip || !entry.parts) return entry.gzip;
    const plainBytes = entry.parts.reduce((sum, part) => sum + part.length, 0);
    if (plainBytes <= MIN_COMPRESSED_BYTES) return null;
    /** @type {import("./gzip-segments.mjs").CompressedParts} */
    let gzip;
    try {
      gzip = compressParts(entry.parts, { nonceLength: NONCE_LENGTH, level: COMPRESSION_LEVEL });
    } catch {
      return null;
    }
    const change = gzip.bytes - entry.bytes;
    entry.gzip = gzip;
    entry.parts = null;
    entry.bytes = gzip.bytes;
    if (entries.get(key) === entry) totalBytes += change;
    return gzip;
  }

  /**
   * The entry's body uncompressed, decompressed (and then kept, and counted) the first time a
   * client that does not take gzip asks for it.
   * @param {string} key @param {Entry} entry
   * @returns {Buffer[]}
   */
  function plainParts(key, entry) {
    if (entry.parts) return entry.parts;
    const parts = decompressParts(/** @type {import("./gzip-segments.mjs").CompressedParts} */ (entry.gzip));
    const added = parts.reduce((sum, part) => sum + part.length, 0);
    entry.parts = parts;
    entry.bytes += added;
    if (entries.get(key) === entry) {
      totalBytes += added;
      evictOverflow();
    }
    return parts;
  }

  /**
   * Sends a kept answer, with a new nonce, compressed when the client takes gzip.
   * @param {string} key @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response @param {Entry} entry
   */
  function send(key, request, response, entry) {
    const nonce = entry.nonce ? newNonce() : null;
    /** @type {Record<string, string | string[]>} */
    const headers = { ...entry.headers, "x-response-cache": "hit" };
    if (nonce && entry.nonce) {
      const csp = headers["content-security-policy"];
      if (typeof csp === "string") headers["content-security-policy"] = csp.split(entry.nonce).join(nonce);
    }
    /** @type {Buffer[]} */
    let pieces;
    const gzip = acceptsGzip(headerText(request.headers["accept-encoding"])) ? compressedParts(key, entry) : null;
    if (gzip) {
      pieces = gzipWithNonce(gzip, nonce === null ? null : Buffer.from(nonce));
      headers["content-encoding"] = "gzip";
    } else {
      const nonceBytes = Buffer.from(nonce ?? "");
      pieces = plainParts(key, entry).flatMap((part, index) => (index > 0 ? [nonceBytes, part] : [part]));
    }
    headers["content-length"] = String(pieces.reduce((sum, piece) => sum + piece.length, 0));
    response.writeHead(entry.status, headers);
    // One write of all the pieces (writev), without copying them into one buffer first.
    response.cork();
    for (const piece of pieces) response.write(piece);
    response.end();
  }

  /**
   * Lets Next answer, watching what it sends; resolves with the entry to keep, or null.
   * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
   * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
   * @returns {Promise<Entry | null>}
   */
  function renderAndCapture(request, response, handle) {
    // Next compresses when asked; the cache takes the plain answer and compresses it once itself.
    delete request.headers["accept-encoding"];
    /** @type {Buffer[]} */
    const chunks = [];
    let bytes = 0;
    let tooBig = false;
    /** @type {Record<string, string | string[]>} */
    let writeHeadHeaders = {};
    const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (tooBig || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = toBuffer(chunk, encoding);
      if (!buffer) return;
      bytes += buffer.length;
      if (bytes > maxEntryBytes) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    const originalWriteHead = response.writeHead;
    const originalWrite = response.write;
    const originalEnd = response.end;
    /** @type {any} */ (response).writeHead = function (/** @type {any[]} */ ...args) {
      const last = args[args.length - 1];
      if (last && typeof last === "object" && !Array.isArray(last)) {
        writeHeadHeaders = Object.fromEntries(Object.entries(last).map(([name, value]) => [name.toLowerCase(), value]));
      }
      return originalWriteHead.apply(this, /** @type {any} */ (args));
    };
    /** @type {any} */ (response).write = function (/** @type {any[]} */ ...args) {
      collect(args[0], args[1]);
      return originalWrite.apply(this, /** @type {any} */ (args));
    };
    /** @type {any} */ (response).end = function (/** @type {any[]} */ ...args) {
      collect(args[0], args[1]);
      return originalEnd.apply(this, /** @type {any} */ (args));
    };
    inOneWrite(request, response);
    return new Promise((resolve) => {
      response.once("close", async () => {
        if (!response.writableFinished || tooBig || response.statusCode !== 200) return resolve(null);
        /** @type {Record<string, string | string[]>} */
        const headers = {};
        for (const [name, value] of Object.entries({ ...response.getHeaders(), ...writeHeadHeaders })) {
          if (value === undefined || TRANSMISSION_HEADERS.has(name)) continue;
          headers[name] = typeof value === "number" ? String(value) : value;
        }
        const type = headerText(headers["content-type"]);
        if (!onlyLanguageCookie(headers["set-cookie"]) || !/^(text\/html|text\/x-component|application\/(problem\+)?json)\b/.test(type)) return resolve(null);
        const body = Buffer.concat(chunks);
        const nonce = NONCE_PATTERN.exec(headerText(headers["content-security-policy"]))?.[1] ?? null;
        const parts = nonce ? splitAtNonce(body, Buffer.from(nonce)) : [body];
        let expiresAt = now() + ttlMs;
        let sessionEnds;
        try {
          sessionEnds = await sessionExpiry(headerText(request.headers.cookie));
        } catch {
          // Not knowing when the session ends, the answer is not kept.
          return resolve(null);
        }
        if (sessionEnds !== null) expiresAt = Math.min(expiresAt, sessionEnds);
        // Compressed later, on its first hit from a browser (compressedParts): a miss pays nothing more.
        if (body.length > MIN_COMPRESSED_BYTES) headers.vary = withAcceptEncoding(headers.vary);
        resolve({ status: 200, headers, nonce, expiresAt, parts, gzip: null, bytes: body.length });
      });
      try {
        Promise.resolve(handle(request, response)).catch(() => resolve(null));
      } catch {
        resolve(null);
      }
    });
  }

  /**
   * Answers from the cache, or lets Next answer (and keeps what it says when it may).
   * @param {import("node:http").IncomingMessage} request @param {import("node:http").ServerResponse} response
   * @param {(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse) => unknown} handle
   */
  async function serve(request, response, handle) {
    if (!isCacheableRequest(request)) {
      stats.bypasses++;
      return handle(request, response);
    }
    let current;
    try {
      current = dataVersion();
    } catch {
      // No database yet (the app creates it on start): nothing to key on.
      stats.bypasses++;
      return handle(request, response);
    }
    if (current !== version) {
      if (version !== undefined) stats.cleared++;
      version = current;
      clear();
    }
    const key = cacheKey(request);
    const kept = entries.get(key);
    if (kept && kept.expiresAt > now()) {
      // Most recently used last: the oldest entries go first when the cache is full.
      entries.delete(key);
      entries.set(key, kept);
      stats.hits++;
      return send(key, request, response, kept);
    }
    if (kept) remove(key);
    // Twenty managers opening the same page at once: one renders, the others wait for it.
    const pending = inflight.get(key);
    if (pending) {
      const entry = await pending;
      if (entry) {
        stats.hits++;
        return send(key, request, response, entry);
      }
      stats.misses++;
      return handle(request, response);
    }
    stats.misses++;
    // A bar window asked for the first time is answered without keeping it (see ADMIT_ON_SECOND_REQUEST).
    if (ADMIT_ON_SECOND_REQUEST.test(pathOf(request.url)) && !askedOnce.delete(key)) {
      askedOnce.add(key);
      if (askedOnce.size > DOORKEEPER_KEYS) askedOnce.delete(askedOnce.values().next().value);
      stats.notAdmitted++;
      // As a rendering answer goes out (renderAndCapture): Next compressing a small answer per request costs more than it saves here.
      delete request.headers["accept-encoding"];
      inOneWrite(request, response);
      return handle(request, response);
    }
    const rendering = renderAndCapture(request, response, handle);
    inflight.set(key, rendering);
    const entry = await rendering;
    inflight.delete(key);
    // Kept only if the data did not change while it rendered.
    if (entry && dataVersion() === current && current === version) store(key, entry);
  }

  return { serve, stats, size: () => ({ entries: entries.size, bytes: totalBytes }) };
}
