import { inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginThrottle } from "@/db/schema";

/**
 * Sign-in throttling, per account and per address: after a few failures each further attempt
 * is slowed, and after many the key is refused for a while. Counters live in the database so
 * they hold across restarts and server processes.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  /** Failures before attempts start to be slowed down. */
  slowAfter: 3,
  maxDelayMs: 8_000,
  /** Failures that lock a key: an account, or an address (shared by many people behind a proxy). */
  lockAfter: { email: 10, ip: 50 },
  lockMs: 15 * 60_000,
} as const;

export type ThrottleKey = `email:${string}` | `ip:${string}`;

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

export function throttleKeys(email: string, ip: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [`email:${email.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export function checkSignInThrottle(keys: ThrottleKey[], now = Date.now()): ThrottleDecision {
  const rows = getDb().select().from(loginThrottle).where(inArray(loginThrottle.key, keys)).all();
  let delayMs = 0;
  for (const row of rows) {
    if (row.lockedUntil && row.lockedUntil > now) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.lockedUntil - now) / 1000) };
    }
    if (now - row.windowStartedAt > THROTTLE_POLICY.windowMs) continue;
    const over = row.failures - THROTTLE_POLICY.slowAfter;
    if (over >= 0) delayMs = Math.max(delayMs, Math.min(THROTTLE_POLICY.maxDelayMs, 1000 * 2 ** over));
  }
  return { allowed: true, delayMs };
}

export function recordSignInFailure(keys: ThrottleKey[], now = Date.now()): void {
  const db = getDb();
  db.transaction((tx) => {
    for (const key of keys) {
      const limit = key.startsWith("email:") ? THROTTLE_POLICY.lockAfter.email : THROTTLE_POLICY.lockAfter.ip;
      const row = tx.select().from(loginThrottle).where(sql`${loginThrottle.key} = ${key}`).get();
      const fresh = !row || now - row.windowStartedAt > THROTTLE_POLICY.windowMs || (row.lockedUntil !== null && row.lockedUntil <= now);
      const failures = fresh ? 1 : row.failures + 1;
      const values = {
        key,
        failures,
        windowStartedAt: fresh ? now : row.windowStartedAt,
        lockedUntil: failures >= limit ? now + THROTTLE_POLICY.lockMs : null,
      };
      tx.insert(loginThrottle).values(values).onConflictDoUpdate({ target: loginThrottle.key, set: values }).run();
    }
  });
}

/** A successful sign-in clears the account's counter (the address keeps its own). */
export function clearSignInFailures(keys: ThrottleKey[]): void {
  const accountKeys = keys.filter((key) => key.startsWith("email:"));
  if (accountKeys.length) getDb().delete(loginThrottle).where(inArray(loginThrottle.key, accountKeys)).run();
}
