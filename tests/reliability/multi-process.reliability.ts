/**
 * Two app processes (scripts/next-start.mjs, as `npm start` serves it) on one PostgreSQL
 * database behave as one tracker: a write through either is read through the other at once
 * (past its response cache and read cache), one version wins across both, sessions and token
 * revocations hold on both, the sign-in throttle counts across both, and no accepted write is lost.
 */
import { count, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The tables are chosen by dialect when @/db/schema loads, before the test database exists: say
// "PostgreSQL" now; beforeAll sets the database's own URL before anything connects.
vi.hoisted(() => {
  process.env.DATABASE_URL = "postgres://database-not-created-yet.invalid/ceb";
});

import { closeDb, getDb } from "@/db";
import { milestones, statusHistory } from "@/db/schema";
import { createApiToken, createUser, revokeApiToken } from "@/lib/commands/users";
import { setupPostgresTestDatabase } from "../setup/postgres";
import {
  actorOf,
  type Answer,
  BASE_PORT,
  createPrincipals,
  PASSWORD,
  type Principal,
  type Principals,
  prepareFreshPostgresDatabase,
  report,
  request,
  type Server,
  signInFields,
  signInForm,
  startServer,
  stopServer,
} from "./harness";

/** How long a change notice may take to reach the other process (it is usually milliseconds). */
const NOTICE_DELAY_MS = 2_000;
const WORKSTREAM = "data-cube";

const postgres = setupPostgresTestDatabase();
let a: Server;
let b: Server;
let who: Principals;

beforeAll(async () => {
  await prepareFreshPostgresDatabase(postgres.url());
  who = await createPrincipals(WORKSTREAM);
  // Both start at once, as a deployment's replicas would (the prepare step takes a lock).
  [a, b] = await Promise.all([startServer(postgres.url(), BASE_PORT + 2), startServer(postgres.url(), BASE_PORT + 3)]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a && stopServer(a), b && stopServer(b)]);
  await closeDb();
});

type MilestoneState = { id: number; version: number; titleEn: string; status: string };

const milestone = async (server: Server, id: number, as: Principal = who.readToken) => {
  const answer = await request(server, as, "GET", `/api/milestones/${id}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.body as MilestoneState;
};

async function milestonesOf(server: Server, slug = WORKSTREAM): Promise<MilestoneState[]> {
  const answer = await request(server, who.readToken, "GET", `/api/milestones?workstream=${slug}&pageSize=200`);
  expect(answer.status, answer.text).toBe(200);
  return (answer.body as { items: MilestoneState[] }).items;
}

/** Polls `check` until it holds or NOTICE_DELAY_MS pass; returns how long it took (ms), or null. */
async function within(check: () => Promise<boolean>): Promise<number | null> {
  const started = performance.now();
  for (;;) {
    if (await check()) return Math.round(performance.now() - started);
    if (performance.now() - started > NOTICE_DELAY_MS) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const historyCount = async (ids: number[]) => {
  const [row] = await getDb().select({ n: count() }).from(statusHistory).where(inArray(statusHistory.milestoneId, ids));
  return row?.n ?? 0;
};

let renamed = 0;
/** Renames a milestone through `server` at its current version; the answer is the server's. */
const rename = (server: Server, target: { id: number; version: number }, title = `Checked across processes ${++renamed}`) =>
  request(server, who.writeToken, "PATCH", `/api/milestones/${target.id}`, { version: target.version, titleEn: title });

describe("two processes on one PostgreSQL database", () => {
  it("a write through one process is read through the other at once, past its response and read caches", async () => {
    const pagePath = `/en/workstreams/${WORKSTREAM}`;
    const [first, second] = (await milestonesOf(a)).slice(0, 2);
    for (const [writer, reader, target] of [
      [a, b, first!],
      [b, a, second!],
    ] as const) {
      // The reader serves the old state first, so its caches hold it.
      const before = await milestone(reader, target.id);
      const pageBefore = await request(reader, who.editor, "GET", pagePath);
      expect(pageBefore.status).toBe(200);
      expect(pageBefore.text).toContain(before.titleEn);

      const title = `Seen through port ${reader.port} ${Date.now()}`;
      const written = await rename(writer, before, title);
      expect(written.status, written.text).toBe(200);
      const json = await within(async () => (await milestone(reader, target.id)).titleEn === title);
      const page = await within(async () => (await request(reader, who.editor, "GET", pagePath)).text.includes(title));
      expect(json, "the JSON API of the other process still served the old title").not.toBeNull();
      expect(page, "the workstream page of the other process still served the old title").not.toBeNull();
      expect((await milestone(reader, target.id)).version).toBe(before.version + 1);
      report(`multi-process: a rename through :${writer.port} read through :${reader.port} after ${json} ms (JSON API), ${page} ms more (page)`);
    }
  }, 60_000);

  it("two changes at one version, one through each process: exactly one is accepted, the other hears 409", async () => {
    const target = (await milestonesOf(a))[2]!;
    const historyBefore = await historyCount([target.id]);
    const answers = await Promise.all([rename(a, target, "Through A at one version"), rename(b, target, "Through B at one version")]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses, answers.map((answer) => answer.text).join("\n")).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.type).toContain("application/problem+json");
    expect(refused.body).toMatchObject({ status: 409 });
    expect(await historyCount([target.id])).toBe(historyBefore + 1);
    const winner = answers.find((answer) => answer.status === 200)!.body as MilestoneState;
    for (const server of [a, b]) expect(await within(async () => (await milestone(server, target.id)).titleEn === winner.titleEn)).not.toBeNull();
  }, 60_000);

  it("a session signed in through one process works on the other, and signing out through the first ends it on both", async () => {
    const signedIn = await signInForm(a, await signInFields(a), "viewer@reliability.test", PASSWORD);
    expect(signedIn.outcome).toBe("signedIn");
    const session: Principal = { name: "viewer signed in through A", headers: { cookie: signedIn.cookie } };
    const page = `/en/workstreams/${WORKSTREAM}`;
    for (const server of [a, b]) {
      expect((await request(server, session, "GET", page)).status).toBe(200);
      expect((await request(server, session, "GET", "/api/milestones?pageSize=1")).status).toBe(200);
    }

    // The header's sign-out form, posted as a browser without JavaScript would.
    const html = (await request(a, session, "GET", page)).text;
    const form = /class="user-menu"[\s\S]*?<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? "";
    const fields = [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)];
    expect(fields.length, "no sign-out form in the page").toBeGreaterThan(0);
    const body = new FormData();
    for (const [, name, value] of fields) body.append(name!, value ?? "");
    const signOut = await fetch(`${a.url}${page}`, { method: "POST", body, headers: { ...session.headers, origin: a.url }, redirect: "manual" });
    expect(signOut.status).toBeLessThan(400);

    const ended = await within(async () => {
      const answers = await Promise.all(
        [a, b].flatMap((server) => [request(server, session, "GET", "/api/milestones?pageSize=1"), request(server, session, "GET", page)]),
      );
      return answers.every((answer, i) =>
        i % 2 ? answer.status >= 300 && answer.status < 400 && /sign-in/.test(answer.headers.get("location") ?? "") : answer.status === 401,
      );
    });
    expect(ended, "the session still worked after signing out").not.toBeNull();
    report(`multi-process: a session signed in through :${a.port} works on :${b.port}; signed out through :${a.port}, refused on both after ${ended} ms`);
  }, 60_000);

  it("a revoked token stops working on both processes within the notice delay", async () => {
    const admin = await createUser({ email: "revoker@reliability.test", role: "admin", password: PASSWORD, allWorkstreams: true });
    const actor = actorOf(admin.id, admin.email, "admin");
    const created = await createApiToken(actor, admin.id, { name: "to revoke", scope: "write" });
    const token: Principal = { name: "token to revoke", headers: { authorization: `Bearer ${created.token}` } };
    // Both processes have seen the token, so their token caches hold it.
    for (const server of [a, b]) expect((await request(server, token, "GET", "/api/milestones?pageSize=1")).status).toBe(200);

    // The command the admin page's revoke button calls, from a third process on the same database.
    await revokeApiToken(actor, created.id);
    const refused = await within(async () => {
      const answers = await Promise.all([a, b].map((server) => request(server, token, "GET", "/api/milestones?pageSize=1")));
      return answers.every((answer) => answer.status === 401);
    });
    expect(refused, "a revoked token was still accepted").not.toBeNull();
    const target = (await milestonesOf(a))[3]!;
    for (const server of [a, b]) {
      const write = await request(server, token, "PATCH", `/api/milestones/${target.id}`, { version: target.version, titleEn: "Written with a revoked token" });
      expect(write.status).toBe(401);
    }
    report(`multi-process: a token revoked by another process refused on both servers after ${refused} ms`);
  }, 60_000);

  it("failed sign-ins for one account through both processes add up to the lockout, shown by both", async () => {
    const email = "editor@reliability.test";
    const fields = { a: await signInFields(a), b: await signInFields(b) };
    const outcomes: string[] = [];
    // Ten failures, alternating: the pair limit (an account from one address) is ten.
    for (let i = 0; i < 10; i++) {
      const [server, form] = i % 2 ? [b, fields.b] : [a, fields.a];
      outcomes.push((await signInForm(server, form, email, "not the password")).outcome);
    }
    expect(outcomes).toEqual(Array(10).fill("invalid"));
    expect((await signInForm(a, fields.a, email, PASSWORD)).outcome).toBe("locked");
    expect((await signInForm(b, fields.b, email, PASSWORD)).outcome).toBe("locked");
    report("multi-process: 10 failed sign-ins, 5 through each process → the right password is refused as locked on both");
  }, 180_000);

  it("concurrent failed sign-ins through both processes check no more passwords than the limit", async () => {
    const email = "restricted@reliability.test";
    const fields = { a: await signInFields(a), b: await signInFields(b) };
    const outcomes = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 ? signInForm(b, fields.b, email, "not the password") : signInForm(a, fields.a, email, "not the password"))),
    );
    const tally = (outcome: string) => outcomes.filter((attempt) => attempt.outcome === outcome).length;
    expect({ invalid: tally("invalid"), locked: tally("locked") }).toEqual({ invalid: 10, locked: 14 });
    report(`multi-process: 24 concurrent failed sign-ins over both processes → ${tally("invalid")} checked, ${tally("locked")} refused as locked`);
  }, 180_000);

  it("every one of 100 concurrent changes, split over both processes, lands with its history entry", async () => {
    const all = ((await request(a, who.readToken, "GET", "/api/milestones?pageSize=200")).body as { items: MilestoneState[] }).items;
    // Enough milestones of their own, made first if the report has fewer.
    while (all.length < 100) {
      const made = await request(a, who.writeToken, "POST", `/api/workstreams/${WORKSTREAM}/milestones`, { titleEn: `Made ${all.length}`, date: "2024-05" });
      expect(made.status, made.text).toBe(201);
      all.push(made.body as MilestoneState);
    }
    const targets = all.slice(0, 100);
    const ids = targets.map((target) => target.id);
    const current = await Promise.all(targets.map((target) => milestone(a, target.id)));
    const historyBefore = await historyCount(ids);
    const started = performance.now();
    const answers: Answer[] = await Promise.all(current.map((target, i) => rename(i % 2 ? b : a, target, `Landed ${target.id}`)));
    const elapsed = Math.round(performance.now() - started);
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.text)).toEqual([]);
    expect(await historyCount(ids)).toBe(historyBefore + 100);
    const rows = await getDb()
      .select({ id: milestones.id, titleEn: milestones.titleEn, version: milestones.version })
      .from(milestones)
      .where(inArray(milestones.id, ids));
    const expected = new Map(current.map((target) => [target.id, target.version + 1]));
    for (const row of rows) {
      expect(row.titleEn).toBe(`Landed ${row.id}`);
      expect(row.version).toBe(expected.get(row.id));
    }
    expect(rows).toHaveLength(100);
    for (const server of [a, b]) {
      const seen = await within(async () =>
        (await Promise.all([ids[0]!, ids[99]!].map((id) => milestone(server, id)))).every((row) => row.titleEn === `Landed ${row.id}`),
      );
      expect(seen).not.toBeNull();
    }
    report(`multi-process: 100 concurrent renames, 50 through each process, all 200 in ${elapsed} ms, 100 history entries added`);
  }, 120_000);
});
