import "server-only";
import { type AppDatabase, databaseRuntime, postgresTransaction } from "@/db";
import { transactionEpoch } from "@/db/transaction";
import { otherConnectionsVersion } from "./data-version";

/**
 * What a cached read depends on. A command that changes one of these calls
 * `invalidateReads(tag)` where it appends history (docs/decisions/007-read-cache.md).
 */
export type ReadTag = "milestones" | "workstreams" | "translations" | "watches";

type Entry = { stamp: string; value: unknown };
type Store = { generations: Map<ReadTag, number>; entries: Map<string, Entry>; dataVersion: () => number };

/** Bounded so the cache cannot grow with the number of filter combinations people try. */
const MAX_ENTRIES = 400;

// One store per database connection: tests switch databases, and a dev reload keeps its client.
// Kept on globalThis because Next bundles route handlers and pages separately: each bundle has
// its own copy of this module, and a command run by a route handler must invalidate the reads
// that pages make through the other copy.
const globalForCache = globalThis as unknown as { cebReadCache?: WeakMap<AppDatabase, Store> };
const stores = (globalForCache.cebReadCache ??= new WeakMap<AppDatabase, Store>());

function storeOf(db: AppDatabase): Store {
  let store = stores.get(db);
  if (!store) {
    store = { generations: new Map(), entries: new Map(), dataVersion: otherConnectionsVersion(db) };
    stores.set(db, store);
  }
  return store;
}

/**
 * The version of the data a read saw: the generation of each tag it depends on (bumped by this
 * process's commands) and the version of what other connections (another server process, a
 * command-line script) committed. Reading it costs microseconds.
 */
function stampOf(store: Store, tags: readonly ReadTag[]): string {
  return `${store.dataVersion()}|${tags.map((tag) => store.generations.get(tag) ?? 0).join(",")}`;
}

/**
 * Wraps a read so that repeated calls with the same arguments return the same result until a
 * command invalidates one of its tags or another process writes. Results are shared between
 * requests: callers must not mutate them. Arguments must be JSON-serializable.
 */
export function cachedRead<Args extends unknown[], Result>(
  name: string,
  tags: readonly ReadTag[],
  read: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args: Args): Promise<Result> => {
    // Inside a PostgreSQL transaction a read may see the transaction's own rows: neither from nor into the cache.
    if (postgresTransaction.getStore()) return read(...args);
    const store = storeOf(databaseRuntime().db);
    const key = `${name}:${JSON.stringify(args)}`;
    const stamp = stampOf(store, tags);
    const hit = store.entries.get(key);
    if (hit && hit.stamp === stamp) {
      // Refresh its place: the oldest-used entry is the one dropped when full.
      store.entries.delete(key);
      store.entries.set(key, hit);
      return hit.value as Result;
    }
    // The stamp is taken before the read: a write that commits while it runs makes it stale at once.
    const epoch = transactionEpoch();
    const value = await read(...args);
    // A read that ran while a transaction was open may have seen its uncommitted rows: not kept.
    if (epoch % 2 === 1 || transactionEpoch() !== epoch) return value;
    store.entries.delete(key);
    store.entries.set(key, { stamp, value });
    if (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
    return value;
  };
}

/** Called by the commands after a write commits: every read tagged with one of `tags` reads afresh. */
export function invalidateReads(...tags: ReadTag[]): void {
  const store = storeOf(databaseRuntime().db);
  for (const tag of tags) store.generations.set(tag, (store.generations.get(tag) ?? 0) + 1);
}
