/**
 * The reliability suite's harness: the built app (`next start`, the same build the end-to-end
 * tests use) on a fresh database (a SQLite file, or a PostgreSQL database by its URL), the accounts and tokens of every role, and an unchanging-data
 * check (a fingerprint of every table) to compare before and after a request.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { postgresTableFingerprints } from "@/db/copy";
import { tableFingerprints } from "@/db/fingerprint";
import { openPostgres, type PostgresDatabase } from "@/db/postgres";
import { workstreams } from "@/db/schema";
import { prepareDatabase } from "@/db/setup";
import { prepareCurrentDatabase } from "@/db/start";
import { getAuth } from "@/lib/auth/auth";
import { createApiToken, createUser, revokeApiToken, setUserAccess } from "@/lib/commands/users";
import type { Actor } from "@/lib/auth/permissions";

export const SECRET = "reliability-suite-secret-0123456789abcdef";
/** Every principal's password. */
export const PASSWORD = "reliability password 1";
/** What `npm start` serves: Next behind the response cache. */
const SERVER_SCRIPT = path.resolve("scripts/next-start.mjs");

/** Ports 3200–3299 belong to this suite (RELIABILITY_PORT moves the base). */
export const BASE_PORT = Number(process.env.RELIABILITY_PORT ?? 3210);

export function freshDirectory(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ceb-reliability-${name}-`));
}

/** Points this process's database at `file`, migrated and seeded, as a fresh server would find it. */
export function prepareFreshDatabase(file: string): void {
  process.env.DATABASE_PATH = file;
  process.env.BETTER_AUTH_SECRET = SECRET;
  closeDb();
  prepareDatabase(getDb());
}

/** Points this process at the PostgreSQL database at `url`, migrated and seeded, as a fresh server would find it. */
export async function prepareFreshPostgresDatabase(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET = SECRET;
  await closeDb();
  await prepareCurrentDatabase();
}

const isPostgresUrl = (database: string) => /^postgres(ql)?:\/\//i.test(database);

export type Principal = {
  name: string;
  headers: Record<string, string>;
};

export type Principals = Record<"anonymous" | "viewer" | "restrictedEditor" | "editor" | "admin" | "readToken" | "writeToken" | "revokedToken", Principal>;

async function sessionCookie(email: string): Promise<string> {
  const signIn = (await getAuth().api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true })) as { headers: Headers };
  const cookies = signIn.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  return cookies.join("; ");
}

export function actorOf(id: string, email: string, role: Actor["role"]): Actor {
  return { userId: id, name: email, email, role, allWorkstreams: role === "admin", via: "session" };
}

/**
 * One principal per role, created in the database before the server starts: session cookies
 * (signed with the suite's BETTER_AUTH_SECRET, which the server shares), an admin's read and
 * write tokens, and a revoked one. The restricted editor may change `restrictedTo` only.
 */
export async function createPrincipals(restrictedTo: string): Promise<Principals> {
  const make = async (email: string, role: Actor["role"], allWorkstreams = false) => {
    const created = await createUser({ email, role, password: PASSWORD, allWorkstreams });
    return actorOf(created.id, email, role);
  };
  const admin = await make("admin@reliability.test", "admin");
  const viewer = await make("viewer@reliability.test", "viewer");
  const editor = await make("editor@reliability.test", "editor", true);
  const restricted = await make("restricted@reliability.test", "editor");
  const [assigned] = await getDb().select().from(workstreams).where(eq(workstreams.slug, restrictedTo)).limit(1);
  if (!assigned) throw new Error(`No workstream ${restrictedTo} to restrict the editor to`);
  await setUserAccess(admin, restricted.userId, { role: "editor", allWorkstreams: false, workstreamIds: [assigned.id] });
  const readToken = (await createApiToken(admin, admin.userId, { name: "read", scope: "read" })).token;
  const writeToken = (await createApiToken(admin, admin.userId, { name: "write", scope: "write" })).token;
  const revoked = await createApiToken(admin, admin.userId, { name: "revoked", scope: "write" });
  await revokeApiToken(admin, revoked.id);
  const cookie = async (name: string, email: string): Promise<Principal> => ({ name, headers: { cookie: await sessionCookie(email) } });
  const bearer = (name: string, token: string): Principal => ({ name, headers: { authorization: `Bearer ${token}` } });
  return {
    anonymous: { name: "anonymous", headers: {} },
    viewer: await cookie("viewer", viewer.email),
    restrictedEditor: await cookie("restricted editor", restricted.email),
    editor: await cookie("editor", editor.email),
    admin: await cookie("admin", admin.email),
    readToken: bearer("read token", readToken),
    writeToken: bearer("write token", writeToken),
    revokedToken: bearer("revoked token", revoked.token),
  };
}

export type Server = { port: number; url: string; process: ChildProcess; database: string; log: () => string };

/**
 * The production server (scripts/next-start.mjs) on `port` over `database` (a SQLite file or a
 * postgres:// URL), in its own process group (so a SIGKILL reaches every process it has),
 * resolved once /api/health answers.
 */
export async function startServer(database: string, port: number, env: Record<string, string> = {}): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [SERVER_SCRIPT], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOSTNAME: "127.0.0.1",
      ...(isPostgresUrl(database) ? { DATABASE_URL: database, DATABASE_PATH: "" } : { DATABASE_URL: "", DATABASE_PATH: database }),
      PORT: String(port),
      APP_URL: url,
      BETTER_AUTH_SECRET: SECRET,
      DEMO: "0",
      PUBLIC_READ: "0",
      ...env,
    },
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server on ${port} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server on ${port} did not answer within 120 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { port, url, process: child, database, log: () => output };
}

/** Ends the server: SIGTERM (a clean stop) or SIGKILL (a crash), to its whole process group. */
export async function stopServer(server: Server, signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> {
  if (server.process.exitCode !== null || server.process.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.process.once("exit", () => resolve()));
  try {
    process.kill(-server.process.pid!, signal);
  } catch {
    server.process.kill(signal);
  }
  await exited;
}

/** What changes on reads: the sign-in counters, a token's last use, a session's renewal. */
const CHANGES_ON_READS: Record<string, string[] | "*"> = { login_throttle: "*", api_tokens: ["last_used_at"], sessions: ["updated_at", "expires_at"] };

/** One pool per PostgreSQL database fingerprinted, kept for the many checks of a run. */
const fingerprintPools = new Map<string, PostgresDatabase>();

/**
 * The data as it stands (a SQLite file or a postgres:// URL): every table's row count and hash,
 * less what changes on reads. Equal fingerprints, equal data.
 */
export async function fingerprint(database: string): Promise<string> {
  if (isPostgresUrl(database)) {
    let pool = fingerprintPools.get(database);
    if (!pool) fingerprintPools.set(database, (pool = openPostgres(database)));
    return JSON.stringify(await postgresTableFingerprints(pool, CHANGES_ON_READS));
  }
  const sqlite = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(tableFingerprints(sqlite, CHANGES_ON_READS));
  } finally {
    sqlite.close();
  }
}

/** Closes the fingerprints' connections (PostgreSQL refuses to drop a database still in use). */
export async function closeFingerprints(): Promise<void> {
  const pools = [...fingerprintPools.values()];
  fingerprintPools.clear();
  await Promise.all(pools.map((pool) => pool.$client.end()));
}

export type Answer = { status: number; type: string; body: unknown; text: string; headers: Headers };

/** One request as `who` (a session cookie or a bearer token in its headers). */
export async function request(
  server: Server,
  who: Principal,
  method: string,
  target: string,
  body?: string | Uint8Array | object,
  extra: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...who.headers, ...extra };
  let payload: BodyInit | undefined;
  if (body !== undefined) {
    headers["content-type"] ??= "application/json";
    payload = typeof body === "string" ? body : body instanceof Uint8Array ? Buffer.from(body) : JSON.stringify(body);
  }
  const response = await fetch(`${server.url}${target}`, { method, headers, body: payload, redirect: "manual" });
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  let parsed: unknown = null;
  if (type.includes("json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { status: response.status, type, body: parsed, text, headers: response.headers };
}

/** The sign-in form's hidden fields (the server action's id and state), as the page serves them. */
export async function signInFields(server: Server): Promise<[string, string][]> {
  const html = await (await fetch(`${server.url}/en/sign-in`)).text();
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((match) => [
    match[1]!,
    (match[2] ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"),
  ]);
}

export type SignInOutcome = "signedIn" | "invalid" | "locked" | "other";

/**
 * A sign-in through the page's own form, posted as a browser without JavaScript would; on
 * success, `cookie` is the session cookie the server set.
 */
export async function signInForm(
  server: Server,
  fields: [string, string][],
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ outcome: SignInOutcome; cookie: string }> {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  form.set("email", email);
  form.set("password", password);
  const answer = await fetch(`${server.url}/en/sign-in`, { method: "POST", body: form, headers: { origin: server.url, ...headers }, redirect: "manual" });
  const cookie = answer.headers
    .getSetCookie()
    .map((line) => line.split(";")[0]!)
    .filter((pair) => pair.includes("session_token="))
    .join("; ");
  if (answer.status === 303 && cookie) return { outcome: "signedIn", cookie };
  // The form's own error paragraph (the page also carries every message, in its data).
  const shown = /data-testid="sign-in-error"[^>]*>([^<]*)</.exec(await answer.text())?.[1] ?? "";
  if (shown.includes("Too many failed attempts")) return { outcome: "locked", cookie };
  if (shown.includes("The email or the password is wrong")) return { outcome: "invalid", cookie };
  return { outcome: "other", cookie };
}

/** The figures the suite prints at the end. */
export const figures: string[] = [];
export function report(line: string): void {
  figures.push(line);
  console.log(`[reliability] ${line}`);
}
