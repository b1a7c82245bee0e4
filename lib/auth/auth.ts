import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { type AppDatabase, databasePath, databaseRuntime } from "@/db";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { appUrl } from "@/lib/http/origin";
import { authSecret } from "./secret";

function createAuth(db: AppDatabase) {
  return betterAuth({
    appName: "CEB Workstream Tracker",
    baseURL: appUrl(),
    // On PostgreSQL several servers share the sessions: they must all sign with the configured key.
    secret: authSecret(databaseRuntime().dialect === "postgres" ? null : databasePath()),
    database: drizzleAdapter(db, {
      provider: databaseRuntime().dialect === "postgres" ? "pg" : "sqlite",
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin or the command line, never by sign-up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
        allWorkstreams: { type: "boolean", required: false, defaultValue: false, input: false },
        isDemo: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Sign-in is throttled by our own per-account and per-address counters (lib/auth/throttle).
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: appUrl().startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { cebAuth?: { db: AppDatabase; url: string; auth: Auth } };

/** The better-auth instance bound to the current database and address. */
export function getAuth(): Auth {
  // The database itself, not a transaction a caller may be in.
  const db = databaseRuntime().db;
  const url = appUrl();
  const cached = globalForAuth.cebAuth;
  if (cached?.db !== db || cached.url !== url) globalForAuth.cebAuth = { db, url, auth: createAuth(db) };
  return globalForAuth.cebAuth!.auth;
}
