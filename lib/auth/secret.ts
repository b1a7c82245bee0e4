import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The key that signs session cookies: `BETTER_AUTH_SECRET` when set (a real deployment sets
 * it), else a random key kept beside the SQLite database (created on first start, never
 * committed). On PostgreSQL (`databaseFile` null) it must be set: every server behind the load
 * balancer has to sign with the same key.
 */
export function authSecret(databaseFile: string | null): string {
  const fromEnv = process.env.BETTER_AUTH_SECRET?.trim();
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("BETTER_AUTH_SECRET must be at least 32 characters long");
    return fromEnv;
  }
  if (databaseFile === null) {
    throw new Error(
      "BETTER_AUTH_SECRET must be set when DATABASE_URL is: every app server signs sessions with it (32+ characters, e.g. `openssl rand -base64 32`).",
    );
  }
  const file = path.join(path.dirname(databaseFile), ".auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}
