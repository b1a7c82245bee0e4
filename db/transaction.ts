import type Database from "better-sqlite3";
import { type AppDatabase, databaseRuntime, getDb, postgresTransaction } from "./index";

/** What a transaction's body writes through: on SQLite the one connection itself, inside BEGIN … COMMIT. */
export type Transaction = AppDatabase;

type Statements = { begin: Database.Statement; commit: Database.Statement; rollback: Database.Statement };

// Shared through globalThis: Next bundles route handlers and pages separately, each with its own
// copy of this module, and a transaction from one must still wait for one from the other.
const globalForTransactions = globalThis as unknown as {
  cebTransactions?: { queue: Promise<void>; statements: WeakMap<Database.Database, Statements>; epoch: number; commits: number };
};
const state = (globalForTransactions.cebTransactions ??= { queue: Promise.resolve(), statements: new WeakMap(), epoch: 0, commits: 0 });

/** How many transactions this process has committed: caches of what any write may change compare it. */
export function committedTransactions(): number {
  return state.commits;
}

/**
 * Moves when a transaction begins and when it ends: odd while one is open. A read that saw the
 * same even value before and after it ran saw only committed rows, so a cache may keep it.
 */
export function transactionEpoch(): number {
  return state.epoch;
}

// Prepared once per connection: drizzle's own transaction() builds them on every call (ADR 018).
function statementsOf(client: Database.Database): Statements {
  let statements = state.statements.get(client);
  if (!statements) {
    statements = { begin: client.prepare("BEGIN IMMEDIATE"), commit: client.prepare("COMMIT"), rollback: client.prepare("ROLLBACK") };
    state.statements.set(client, statements);
  }
  return statements;
}

/**
 * Runs `body` in one transaction: committed when it resolves, rolled back when it throws. Every
 * write of ours goes through here (ADR 021). better-sqlite3 cannot keep a transaction open across
 * an `await` by itself, so on SQLite this takes a process-wide lock (transactions never interleave
 * on the one connection), issues BEGIN IMMEDIATE (the database's write lock from the start, as
 * other processes write too), awaits the body and commits. Transactions do not nest: a body
 * passes its `tx` to the writes it calls; one that called runInTransaction would wait for itself.
 * (Telling the two apart needs AsyncLocalStorage, which cost the write path a fifth: ADR 021.)
 */
export async function runInTransaction<T>(body: (tx: Transaction) => Promise<T>): Promise<T> {
  const runtime = databaseRuntime();
  if (runtime.dialect === "postgres") {
    // PostgreSQL runs transactions side by side, each on a connection of its own: no queue, and
    // reads elsewhere never see uncommitted rows. getDb() answers the transaction inside `body`.
    const result = await runtime.postgres.transaction((tx) => postgresTransaction.run(tx as unknown as AppDatabase, () => body(tx as unknown as Transaction)));
    state.commits++;
    return result;
  }
  const previous = state.queue;
  let release!: () => void;
  state.queue = new Promise<void>((resolve) => (release = resolve));
  try {
    await previous;
    const db = getDb();
    const { begin, commit, rollback } = statementsOf(db.$client);
    begin.run();
    state.epoch++;
    try {
      const result = await body(db);
      commit.run();
      state.commits++;
      return result;
    } catch (error) {
      if (db.$client.inTransaction) rollback.run();
      throw error;
    } finally {
      state.epoch++;
    }
  } finally {
    release();
  }
}
