import { and, eq, isNull, sql } from "drizzle-orm";
import { runInTransaction } from "@/db/transaction";
import { loginThrottle } from "@/db/schema";
import { greaterOf, runAloneInTransaction } from "@/lib/queries/dialect";

/**
 * Sign-in throttling, after OWASP's authentication guidance: attempts are counted per account
 * *and address* (so an attacker's failures lock only the attacker's address out of that account,
 * never the owner signing in from elsewhere) and per address across all accounts (password
 * spraying). After a few failures each further attempt of the pair is slowed down; at the limit
 * the key is refused for a while.
 *
 * Atomic: an attempt is counted *before* its password is checked, in one IMMEDIATE transaction,
 * and a success gives it back. So however many attempts arrive at once, no more than the limit
 * have their password checked.
 * Counters live in the database, so they hold across restarts and server processes.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  /** Failures of an account from one address before its attempts are slowed down. */
  slowAfter: 3,
  maxDelayMs: 8_000,
  /** Attempts that lock a key: an account from one address, or an address across accounts. */
  lockAfter: { pair: 10, address: 50 },
  lockMs: 15 * 60_000,
} as const;

export type ThrottleKeys = { pair: string; address: string };

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

/** The counters an attempt by `email` from `address` is counted on. */
export function throttleKeys(email: string, address: string): ThrottleKeys {
  const account = email.trim().toLowerCase();
  return { pair: `pair:${address}|${account}`, address: `address:${address}` };
}

type Counter = { failures: number; windowStartedAt: number; lockedUntil: number | null };

/** A key's counter as it stands at `now`: a lock that ran out or a window that passed starts again. */
function current(row: Counter | undefined, now: number): Counter {
  if (!row) return { failures: 0, windowStartedAt: now, lockedUntil: null };
  if (row.lockedUntil !== null && row.lockedUntil > now) return row;
  if (row.lockedUntil !== null || now - row.windowStartedAt > THROTTLE_POLICY.windowMs) return { failures: 0, windowStartedAt: now, lockedUntil: null };
  return row;
}

/** The advisory lock that claims take on PostgreSQL (db/postgres-setup.ts uses 4_202_213). */
const SIGN_IN_COUNTERS_LOCK = 4_202_214;

/**
 * Counts an attempt before its password is checked: in one IMMEDIATE transaction (which holds
 * the database's write lock from its first statement, so no other attempt, in this process or
 * another, reads the counters in between) both counters are read, and unless one of them is
 * locked both are incremented; reaching a limit sets its lock. Refused attempts count nothing.
 * On PostgreSQL an advisory lock gives the same: claims run one at a time across processes.
 */
export async function claimSignInAttempt(keys: ThrottleKeys, now = Date.now()): Promise<ThrottleDecision> {
  return await runInTransaction(async (tx) => {
    await runAloneInTransaction(tx, SIGN_IN_COUNTERS_LOCK);
    const read = async (key: string) => current((await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).limit(1))[0], now);
    const counters = [
      { key: keys.address, limit: THROTTLE_POLICY.lockAfter.address, counter: await read(keys.address) },
      { key: keys.pair, limit: THROTTLE_POLICY.lockAfter.pair, counter: await read(keys.pair) },
    ];
    const lockedUntil = Math.max(0, ...counters.map(({ counter }) => (counter.lockedUntil !== null && counter.lockedUntil > now ? counter.lockedUntil : 0)));
    if (lockedUntil > 0) return { allowed: false, retryAfterSeconds: Math.ceil((lockedUntil - now) / 1000) };
    for (const { key, limit, counter } of counters) {
      const failures = counter.failures + 1;
      const values = { key, failures, windowStartedAt: counter.windowStartedAt, lockedUntil: failures >= limit ? now + THROTTLE_POLICY.lockMs : null };
      await tx.insert(loginThrottle).values(values).onConflictDoUpdate({ target: loginThrottle.key, set: values });
    }
    const over = counters[1]!.counter.failures - THROTTLE_POLICY.slowAfter;
    return { allowed: true, delayMs: over >= 0 ? Math.min(THROTTLE_POLICY.maxDelayMs, 1000 * 2 ** over) : 0 };
  });
}

/**
 * A successful sign-in: the pair's counter is cleared, and the address gets its attempt back
 * (colleagues signing in from one office do not add up to a lock). A lock already set stays.
 */
export async function recordSignInSuccess(keys: ThrottleKeys): Promise<void> {
  await runInTransaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
    await tx
      .update(loginThrottle)
      .set({ failures: greaterOf(sql`${loginThrottle.failures} - 1`, 0) })
      .where(and(eq(loginThrottle.key, keys.address), isNull(loginThrottle.lockedUntil)));
  });
}

/**
 * Runs one sign-in attempt under the throttle: counted first, refused while locked, slowed down
 * after a few failures, given back when `attempt` succeeds (returns a value rather than null or
 * throwing).
 */
export async function throttledSignIn<T>(
  keys: ThrottleKeys,
  attempt: () => Promise<T | null>,
  options: { now?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<{ outcome: "ok"; value: T } | { outcome: "invalid" } | { outcome: "locked"; retryAfterSeconds: number }> {
  const decision = await claimSignInAttempt(keys, options.now);
  if (!decision.allowed) return { outcome: "locked", retryAfterSeconds: decision.retryAfterSeconds };
  // Repeated failures are answered more and more slowly before the lock.
  if (decision.delayMs > 0) await (options.sleep ?? sleep)(decision.delayMs);
  let value: T | null = null;
  try {
    value = await attempt();
  } catch {
    value = null;
  }
  if (value === null) return { outcome: "invalid" };
  await recordSignInSuccess(keys);
  return { outcome: "ok", value };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
