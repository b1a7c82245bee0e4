// @ts-check
// `npm start` / `npm run serve`: the built app on PORT (default 3000) and, when HOSTNAME is set,
// only on that interface. Next runs inside this process, behind the response cache
// (scripts/response-cache.mjs; RESPONSE_CACHE=0 turns it off) and the direct reads
// (scripts/direct-reads.mjs; DIRECT_READS=0 turns them off).
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { withDirectReads } from "./direct-reads.mjs";
import { createResponseCache } from "./response-cache.mjs";

/** db/index.ts's default, which this plain script cannot import (a unit test keeps the two equal). */
export const DEFAULT_DATABASE_PATH = "data/ceb.sqlite";

/** Where to listen, from the environment. @param {Record<string, string | undefined>} env */
export function listenOptions(env) {
  const port = Number(env.PORT?.trim() || "3000");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const hostname = env.HOSTNAME?.trim() || undefined;
  return { port, hostname };
}

/** The session token in a Cookie header (better-auth signs it: "token.signature"). @param {string} cookie */
export function sessionTokenOf(cookie) {
  const match = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]*)/.exec(cookie);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]).split(".")[0] || null;
  } catch {
    return null;
  }
}

/**
 * The database questions the cache asks, on a connection of its own that never writes: SQLite's
 * data_version on it changes whenever another connection commits. The app creates and migrates
 * the file on start, so it is opened at the first question.
 * @param {string} file
 */
async function databaseProbe(file) {
  const { default: Database } = await import("better-sqlite3");
  /** @type {import("better-sqlite3").Database | undefined} */
  let db;
  /** @type {import("better-sqlite3").Statement | undefined} */
  let sessionEnds;
  /** @type {import("better-sqlite3").Statement | undefined} */
  let dataVersion;
  const open = () => {
    if (!db) {
      db = new Database(file, { fileMustExist: true });
      sessionEnds = db.prepare("select expires_at as expiresAt from sessions where token = ?");
      // Asked on every request: prepared once (db.pragma() prepares the statement on each call).
      dataVersion = db.prepare("pragma data_version").pluck();
    }
    return db;
  };
  return {
    dataVersion: () => {
      open();
      return /** @type {number} */ (dataVersion?.get());
    },
    /** @param {string} cookie */
    sessionExpiry: (cookie) => {
      const token = sessionTokenOf(cookie);
      if (!token) return null;
      open();
      const row = /** @type {{ expiresAt: number } | undefined} */ (sessionEnds?.get(token));
      return row ? Number(row.expiresAt) : null;
    },
  };
}

/**
 * The same questions on PostgreSQL (DATABASE_URL): the data version is the count of change
 * notices (every process's commits, db/postgres-changes.mjs), read without a query; a session's
 * end is one indexed query on a small pool of the cache's own.
 * @param {string} url
 */
async function postgresProbe(url) {
  const [{ default: pg }, { listenForDataChanges }] = await Promise.all([import("pg"), import("../db/postgres-changes.mjs")]);
  const changes = listenForDataChanges(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", (error) => console.error(`Response cache: PostgreSQL connection failed while idle: ${error.message}`));
  return {
    dataVersion: () => changes.version(),
    /** @param {string} cookie */
    sessionExpiry: async (cookie) => {
      const token = sessionTokenOf(cookie);
      if (!token) return null;
      const { rows } = await pool.query('select expires_at as "expiresAt" from sessions where token = $1', [token]);
      return rows[0] ? new Date(rows[0].expiresAt).getTime() : null;
    },
  };
}

async function main() {
  const { port, hostname } = listenOptions(process.env);
  // A production server, whatever the shell says (`npm run dev` is the development server).
  Object.assign(process.env, { NODE_ENV: "production", PORT: String(port) });
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname: hostname ?? "localhost", port });
  // The read routes that registered a direct answer go before Next's router (scripts/direct-reads.mjs).
  const handle = withDirectReads(app.getRequestHandler());
  await app.prepare();

  const databaseUrl = process.env.DATABASE_URL?.trim();
  const probe = databaseUrl ? await postgresProbe(databaseUrl) : await databaseProbe(path.resolve(process.env.DATABASE_PATH?.trim() || DEFAULT_DATABASE_PATH));
  const cache = process.env.RESPONSE_CACHE === "0" ? null : createResponseCache(probe);

  const server = http.createServer((request, response) => {
    const answered = cache ? cache.serve(request, response, handle) : handle(request, response);
    Promise.resolve(answered).catch((error) => {
      console.error(error);
      if (!response.headersSent) {
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("Internal Server Error");
      } else response.destroy();
    });
  });
  server.listen(port, hostname, () => {
    console.log(`▲ Ready on http://${hostname ?? "localhost"}:${port}${cache ? "" : " (response cache off)"}`);
  });
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
