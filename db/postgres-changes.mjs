// @ts-check
// The change notices of every process, on PostgreSQL (migration drizzle/postgres/0004): one
// implementation for the app (db/index.ts) and for the server's response cache
// (scripts/next-start.mjs), which is plain JavaScript. Types: db/postgres-changes.d.mts.
import pg from "pg";
import { redactDatabaseUrl } from "./database-url.mjs";

/** The channel migration drizzle/postgres/0004 notifies on, with the changed table's name. */
export const DATA_CHANGED_CHANNEL = "ceb_data_changed";

/** Tables an actor (a signed-in user, an API token) is made of: a change to them empties token caches. */
const ACTOR_TABLES = new Set(["users", "api_tokens"]);

/** How long to wait before connecting again after the listening connection was lost. */
const RECONNECT_DELAY_MS = 1_000;

/**
 * Listens on one connection of its own for the change notices of every process (triggers send
 * them at commit). A notice arrives a few milliseconds after its commit: another process's write
 * is seen by this one's caches after that delay; this process's own writes empty its caches at
 * once, through the commands.
 * @param {string} url
 * @returns {import("./postgres-changes.d.mts").DataChanges}
 */
export function listenForDataChanges(url) {
  let version = 0;
  let actorVersion = 0;
  let listening = false;
  let closed = false;
  /** @type {pg.Client | undefined} */
  let client;
  /** @type {NodeJS.Timeout | undefined} */
  let retry;
  /** @type {() => void} */
  let announceReady = () => {};
  /** @type {Promise<void>} */
  const ready = new Promise((resolve) => (announceReady = resolve));

  /** @param {string} reason */
  const lost = (reason) => {
    if (!listening && client === undefined) return;
    listening = false;
    client?.removeAllListeners();
    client?.end().catch(() => {});
    client = undefined;
    if (closed) return;
    console.error(`PostgreSQL change notices from ${redactDatabaseUrl(url)} stopped (${reason}); caches are bypassed until they resume.`);
    retry = setTimeout(connect, RECONNECT_DELAY_MS);
    retry.unref();
  };

  async function connect() {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    client = next;
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("connection ended"));
    next.on("notification", (notice) => {
      if (notice.channel !== DATA_CHANGED_CHANNEL) return;
      version++;
      if (notice.payload && ACTOR_TABLES.has(notice.payload)) actorVersion++;
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${DATA_CHANGED_CHANNEL}`);
    } catch (error) {
      lost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed || client !== next) return;
    // Whatever changed while nobody listened is unknown: move both numbers once.
    version++;
    actorVersion++;
    listening = true;
    announceReady();
  }

  void connect();
  return {
    version: () => (listening ? version : ++version),
    actorVersion: () => (listening ? actorVersion : ++actorVersion),
    ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = undefined;
      listening = false;
      open?.removeAllListeners();
      await open?.end().catch(() => {});
    },
  };
}
