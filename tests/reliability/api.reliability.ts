/**
 * Against the built server on a fresh database: a permission matrix generated from one rule per
 * kind of route (every route × every kind of caller → the status it must answer), a
 * property-based fuzz of every API route's path, query and body (no 5xx, and nothing changed by
 * a refusal), 20 concurrent writers on one version, and the sign-in throttle on the real socket.
 * On SQLite by default; with TEST_DIALECT=postgres on a database of a throwaway PostgreSQL
 * cluster (vitest.reliability-postgres.config.ts).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The tables are chosen by dialect when @/db/schema loads, before the test database exists: say
// "PostgreSQL" now; beforeAll sets the database's own URL before anything connects.
vi.hoisted(() => {
  if (process.env.TEST_DIALECT === "postgres") process.env.DATABASE_URL = "postgres://database-not-created-yet.invalid/ceb";
});

import { closeDb } from "@/db";
import { setupPostgresTestDatabase } from "../setup/postgres";
import {
  type Answer,
  BASE_PORT,
  closeFingerprints,
  createPrincipals,
  fingerprint,
  freshDirectory,
  type Principal,
  type Principals,
  prepareFreshDatabase,
  prepareFreshPostgresDatabase,
  report as reportLine,
  request,
  type Server,
  signInFields,
  signInForm,
  startServer,
  stopServer,
} from "./harness";

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const ASSIGNED = "data-cube";
const OTHER = "ai-working-group";

const onPostgres = process.env.TEST_DIALECT === "postgres";
/** Registered before this file's own hooks, so the database exists first and is dropped last. */
const postgres = onPostgres ? setupPostgresTestDatabase() : null;
/** The figures, marked with the database when it is not the default one. */
const report = (line: string) => reportLine(onPostgres ? `PostgreSQL: ${line}` : line);

let directory = "";
/** A SQLite file, or the PostgreSQL database's URL. */
let database = "";
let server: Server;
let who: Principals;

beforeAll(async () => {
  if (postgres) {
    database = postgres.url();
    await prepareFreshPostgresDatabase(database);
  } else {
    directory = freshDirectory("api");
    database = path.join(directory, "api.sqlite");
    prepareFreshDatabase(database);
  }
  who = await createPrincipals(ASSIGNED);
  await closeDb();
  server = await startServer(database, BASE_PORT);
}, 180_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await closeFingerprints();
  if (directory) fs.rmSync(directory, { recursive: true, force: true });
});

const admin = () => who.writeToken;
const get = (target: string, as: Principal = admin()) => request(server, as, "GET", target);

/** A live milestone of a workstream, read through the API (id and version). */
async function milestoneOf(slug: string): Promise<{ id: number; version: number }> {
  const list = (await get(`/api/milestones?workstream=${slug}&pageSize=200`)).body as { items: { id: number; version: number; status: string }[] };
  const open = list.items.filter((item) => item.status !== "completed");
  return open[open.length - 1]!;
}

let made = 0;
/** A new milestone to remove or change, made through the API as the admin. */
async function newMilestone(slug: string): Promise<{ id: number; version: number }> {
  const answer = await request(server, admin(), "POST", `/api/workstreams/${slug}/milestones`, { titleEn: `Target ${++made}`, date: "2024-05" });
  expect(answer.status, answer.text).toBe(201);
  return answer.body as { id: number; version: number };
}

// ---------------------------------------------------------------------------------------------
// The permission matrix

type Role = keyof Principals;
const ROLES = Object.keys({
  anonymous: 0,
  viewer: 0,
  restrictedEditor: 0,
  editor: 0,
  admin: 0,
  readToken: 0,
  writeToken: 0,
  revokedToken: 0,
} satisfies Record<Role, 0>) as Role[];

/** What each kind of caller is. */
const CALLER: Record<Role, { authenticated: boolean; session: boolean; level: 0 | 1 | 2; restricted?: boolean }> = {
  anonymous: { authenticated: false, session: false, level: 0 },
  viewer: { authenticated: true, session: true, level: 0 },
  restrictedEditor: { authenticated: true, session: true, level: 1, restricted: true },
  editor: { authenticated: true, session: true, level: 1 },
  admin: { authenticated: true, session: true, level: 2 },
  readToken: { authenticated: true, session: false, level: 0 },
  writeToken: { authenticated: true, session: false, level: 2 },
  revokedToken: { authenticated: false, session: false, level: 0 },
};

type Kind = "public" | "read" | "editAssigned" | "editOther" | "admin" | "unknown" | "page" | "adminPage";

/**
 * The one rule per kind of route: the status a caller must get. The API takes writes with a
 * bearer token only (ADR 013): a session cookie's write is 401 whatever its role.
 */
function expected(kind: Kind, role: Role, success: number, method: string): number {
  const caller = CALLER[role];
  const write = !["GET", "HEAD", "OPTIONS"].includes(method);
  if (write && caller.session && ["read", "editAssigned", "editOther", "admin"].includes(kind)) return 401;
  switch (kind) {
    case "public":
      return 200;
    case "unknown":
      return 404;
    case "read":
      return caller.authenticated ? success : 401;
    case "editAssigned":
      return !caller.authenticated ? 401 : caller.level >= 1 ? success : 403;
    case "editOther":
      return !caller.authenticated ? 401 : caller.level >= 1 && !caller.restricted ? success : 403;
    case "admin":
      return !caller.authenticated ? 401 : caller.level === 2 ? success : 403;
    case "page":
      // Pages know sessions only: a token (or none) is sent to sign-in.
      return caller.session ? 200 : 307;
    case "adminPage":
      return !caller.session ? 307 : caller.level === 2 ? 200 : 403;
  }
}

type Route = {
  name: string;
  kind: Kind;
  success: number;
  /** The request for one cell, made afresh (a fresh target to remove, the current version). */
  build: () => Promise<{ method: string; target: string; body?: object }>;
};

let created = 0;
const ROUTES: Route[] = [
  { name: "GET /api/health", kind: "public", success: 200, build: async () => ({ method: "GET", target: "/api/health" }) },
  { name: "GET /api/workstreams", kind: "read", success: 200, build: async () => ({ method: "GET", target: "/api/workstreams?year=2021" }) },
  { name: "GET /api/workstreams/{slug}", kind: "read", success: 200, build: async () => ({ method: "GET", target: `/api/workstreams/${OTHER}` }) },
  { name: "GET /api/milestones", kind: "read", success: 200, build: async () => ({ method: "GET", target: `/api/milestones?workstream=${OTHER}` }) },
  {
    name: "GET /api/milestones/{id}",
    kind: "read",
    success: 200,
    build: async () => ({ method: "GET", target: `/api/milestones/${(await milestoneOf(OTHER)).id}` }),
  },
  {
    name: "GET /api/milestones/{id}/history",
    kind: "read",
    success: 200,
    build: async () => ({ method: "GET", target: `/api/milestones/${(await milestoneOf(OTHER)).id}/history` }),
  },
  { name: "GET /api/reports/{year}", kind: "read", success: 200, build: async () => ({ method: "GET", target: "/api/reports/2021?format=csv" }) },
  {
    name: "GET /api/reports/{year}/workstreams",
    kind: "read",
    success: 200,
    build: async () => ({ method: "GET", target: "/api/reports/2021/workstreams?lang=fr" }),
  },
  {
    name: "GET /api/reports/timeline",
    kind: "read",
    success: 200,
    build: async () => ({ method: "GET", target: "/api/reports/timeline?format=png&year=2021&body=HLCM-HR" }),
  },
  {
    name: "POST /api/workstreams",
    kind: "admin",
    success: 201,
    build: async () => ({ method: "POST", target: "/api/workstreams", body: { slug: `matrix-${++created}`, nameEn: "Matrix", bodyCode: "HLCP" } }),
  },
  {
    name: "PATCH /api/workstreams/{slug}",
    kind: "admin",
    success: 200,
    build: async () => {
      const version = ((await get(`/api/workstreams/${OTHER}?pageSize=1`)).body as { version: number }).version;
      return { method: "PATCH", target: `/api/workstreams/${OTHER}`, body: { version, leads: [`L${++created}`] } };
    },
  },
  {
    name: "POST /api/workstreams/{assigned}/milestones",
    kind: "editAssigned",
    success: 201,
    build: async () => ({ method: "POST", target: `/api/workstreams/${ASSIGNED}/milestones`, body: { titleEn: `Matrix ${++created}`, date: "2024" } }),
  },
  {
    name: "POST /api/workstreams/{other}/milestones",
    kind: "editOther",
    success: 201,
    build: async () => ({ method: "POST", target: `/api/workstreams/${OTHER}/milestones`, body: { titleEn: `Matrix ${++created}`, date: "2024" } }),
  },
  {
    name: "PATCH /api/milestones/{assigned}",
    kind: "editAssigned",
    success: 200,
    build: async () => {
      const target = await milestoneOf(ASSIGNED);
      return { method: "PATCH", target: `/api/milestones/${target.id}`, body: { version: target.version, note: `checked ${++created}` } };
    },
  },
  {
    name: "PATCH /api/milestones/{other}",
    kind: "editOther",
    success: 200,
    build: async () => {
      const target = await milestoneOf(OTHER);
      return { method: "PATCH", target: `/api/milestones/${target.id}`, body: { version: target.version, note: `checked ${++created}` } };
    },
  },
  {
    name: "DELETE /api/milestones/{assigned}",
    kind: "editAssigned",
    success: 200,
    build: async () => {
      const target = await newMilestone(ASSIGNED);
      return { method: "DELETE", target: `/api/milestones/${target.id}`, body: { version: target.version } };
    },
  },
  {
    name: "DELETE /api/milestones/{other}",
    kind: "editOther",
    success: 200,
    build: async () => {
      const target = await newMilestone(OTHER);
      return { method: "DELETE", target: `/api/milestones/${target.id}`, body: { version: target.version } };
    },
  },
  { name: "GET /api/{unknown}", kind: "unknown", success: 404, build: async () => ({ method: "GET", target: "/api/no/such/thing" }) },
  { name: "DELETE /api/{unknown}", kind: "unknown", success: 404, build: async () => ({ method: "DELETE", target: "/api/no-such-thing" }) },
  { name: "GET /en (a page)", kind: "page", success: 200, build: async () => ({ method: "GET", target: "/en/timeline?year=2021" }) },
  { name: "GET /en/account", kind: "page", success: 200, build: async () => ({ method: "GET", target: "/en/account" }) },
  { name: "GET /en/admin", kind: "adminPage", success: 200, build: async () => ({ method: "GET", target: "/en/admin" }) },
  { name: "GET /en/admin/workstreams", kind: "adminPage", success: 200, build: async () => ({ method: "GET", target: "/en/admin/workstreams" }) },
];

describe("the permission matrix", () => {
  it(`every route × every caller answers as the rule says, and a refusal changes nothing`, async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const route of ROUTES) {
      for (const role of ROLES) {
        const { method, target, body } = await route.build();
        const before = ["public", "page", "adminPage"].includes(route.kind) ? null : await fingerprint(database);
        const answer = await request(server, who[role], method, target, body);
        const want = expected(route.kind, role, route.success, method);
        cells++;
        if (answer.status !== want) wrong.push(`${route.name} as ${who[role].name}: ${answer.status}, expected ${want} ${answer.text.slice(0, 200)}`);
        if (before !== null && answer.status >= 400) {
          if ((await fingerprint(database)) !== before) wrong.push(`${route.name} as ${who[role].name}: refused (${answer.status}) but the data changed`);
          if (!answer.type.includes("application/problem+json")) wrong.push(`${route.name} as ${who[role].name}: a ${answer.status} that is not problem+json`);
        }
      }
    }
    expect(wrong).toEqual([]);
    report(`permission matrix: ${ROUTES.length} routes × ${ROLES.length} callers = ${cells} cells, all as expected (refusals changed no data)`);
  }, 600_000);
});

// ---------------------------------------------------------------------------------------------
// The fuzz

/** Values an attacker (or a careless script) would send. */
const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "0x21",
    "1e3",
    "033",
    "+5",
    "2021.0",
    "NaN",
    "Infinity",
    "0001",
    "9999-12",
    "2021-02-30",
    "1944-12-31",
    "2101",
    "2021",
    "2021-10",
    "\u0000",
    "a\u0001b",
    "\u001b[31m",
    "\ud800",
    "\uffff",
    "\ufffe",
    "\u202e",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "../../etc/passwd",
    "%00",
    "x".repeat(5000),
    "completed",
    "delayed",
    "HLCP",
    "data-cube",
  ),
  fc.integer(),
  fc.integer({ min: -3, max: 5 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const jsonValue = fc.oneof(
  { weight: 4, arbitrary: nasty },
  { weight: 1, arbitrary: fc.array(nasty, { maxLength: 25 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nasty, { maxKeys: 4 }) },
);

/** Mostly a valid value, sometimes anything. */
const mostly = <T>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 7, arbitrary: valid }, { weight: 1, arbitrary: jsonValue });
/** Now and then a field no schema knows. */
const strays = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), jsonValue, { minKeys: 1, maxKeys: 2 }) },
);

/**
 * A body built from a route's known fields (`required` always there, the rest present or not;
 * each mostly valid), now and then a stray field; or not an object at all, not JSON, not UTF-8,
 * or over the size cap.
 */
function bodyFrom(fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) {
  const known = fc.record(Object.fromEntries(Object.entries(fields).map(([name, valid]) => [name, mostly(valid)])), {
    requiredKeys: required,
  }) as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(known, strays).map(([a, b]) => ({ ...b, ...a })) },
    { weight: 1, arbitrary: fc.anything().map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constant("x".repeat(70 * 1024)) },
  );
}

/** A query from a route's parameters (valid or not) and strays. */
function queryFrom(params: Record<string, fc.Arbitrary<string>>) {
  const value = (valid: fc.Arbitrary<string>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nasty.map(String) });
  return fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(params).map(([name, valid]) => [name, value(valid)])), { requiredKeys: [] }),
      fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), nasty.map(String), { maxKeys: 2 }) },
      ),
    )
    .map(([known, stray]) => {
      const search = new URLSearchParams();
      for (const [key, item] of Object.entries({ ...stray, ...known })) search.append(key, String(item));
      const text = search.toString();
      return text ? `?${text}` : "";
    });
}

/** A path segment, percent-encoded (a lone surrogate, which has no UTF-8, as its replacement). */
const pathSegment = (valid: fc.Arbitrary<string>) =>
  fc
    .oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: nasty.map(String) })
    .map((segment) => encodeURIComponent(segment.replace(/\p{Cs}/gu, "\uFFFD")) || "x");
const status = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("planned", "in_progress") },
  { weight: 1, arbitrary: fc.constantFrom("completed", "delayed", "at_risk", "cancelled") },
);
const date = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("2019", "2021-10", "2022-06-30", "2024-02-29") },
  { weight: 1, arbitrary: fc.oneof(fc.integer({ min: 1940, max: 2105 }).map(String), fc.constantFrom("2022-02-29", "2021-13", "1945-01", "2100-12-31")) },
);
const milestoneId = fc.constantFrom("1", "2", "50", "101");
const slug = fc.constantFrom(ASSIGNED, OTHER, "no-such-workstream");
/** Workstream changes land on one made for the fuzz, so a rename cannot pull a seeded one away. */
const FUZZ_WORKSTREAM = "fuzz-target";
const year = fc.constantFrom("2021", "2022", "1999", "2100");
const format = fc.oneof({ weight: 5, arbitrary: fc.constantFrom("json", "csv") }, { weight: 1, arbitrary: fc.constantFrom("xlsx", "docx", "pdf") });
const filters = {
  year,
  body: fc.constantFrom("HLCP", "HLCM", "hlcm-hr", "CEB"),
  status: fc.constantFrom("completed", "planned,delayed", "finished"),
  q: fc.constantFrom("data", "数据", "Données", "a%b_c"),
};
const day = fc.constantFrom("2021-01-01", "2021-12-31", "2026-06-30", "2100-12-31", "2021-02-30");
const version = fc.integer({ min: 1, max: 4 });

type FuzzRoute = { name: string; method: string; path: fc.Arbitrary<string>; query: fc.Arbitrary<string>; body?: fc.Arbitrary<unknown>; read: boolean };

const FUZZ: FuzzRoute[] = [
  {
    name: "GET /api/workstreams",
    method: "GET",
    read: true,
    path: fc.constant("/api/workstreams"),
    query: queryFrom({ ...filters, page: fc.constantFrom("1", "2"), pageSize: fc.constantFrom("5", "100") }),
  },
  {
    name: "GET /api/workstreams/{slug}",
    method: "GET",
    read: true,
    path: pathSegment(slug).map((s) => `/api/workstreams/${s}`),
    query: queryFrom({ page: fc.constant("1"), pageSize: fc.constantFrom("1", "500") }),
  },
  {
    name: "GET /api/milestones",
    method: "GET",
    read: true,
    path: fc.constant("/api/milestones"),
    query: queryFrom({ ...filters, workstream: slug, page: fc.constant("1"), pageSize: fc.constantFrom("1", "200") }),
  },
  { name: "GET /api/milestones/{id}", method: "GET", read: true, path: pathSegment(milestoneId).map((id) => `/api/milestones/${id}`), query: queryFrom({}) },
  {
    name: "GET /api/milestones/{id}/history",
    method: "GET",
    read: true,
    path: pathSegment(milestoneId).map((id) => `/api/milestones/${id}/history`),
    query: queryFrom({}),
  },
  {
    name: "GET /api/reports/{year}",
    method: "GET",
    read: true,
    path: pathSegment(year).map((y) => `/api/reports/${y}`),
    query: queryFrom({
      format,
      lang: fc.constantFrom("en", "zh", "ar", "xx"),
      workstream: fc.constantFrom(ASSIGNED, `${ASSIGNED},${OTHER}`, "nope"),
      status: filters.status,
    }),
  },
  {
    name: "GET /api/reports/{year}/workstreams",
    method: "GET",
    read: true,
    path: pathSegment(year).map((y) => `/api/reports/${y}/workstreams`),
    query: queryFrom({ lang: fc.constantFrom("en", "zh", "ar", "xx") }),
  },
  {
    name: "GET /api/reports/timeline",
    method: "GET",
    read: true,
    path: fc.constant("/api/reports/timeline"),
    // Drawn small (one body's lanes) so the valid cases stay quick to render.
    query: queryFrom({
      format: fc.constantFrom("png", "pdf", "svg"),
      lang: fc.constantFrom("en", "ar"),
      year: filters.year,
      body: fc.constantFrom("HLCM-HR", "CEB"),
      page: fc.constantFrom("1", "2"),
      pageSize: fc.constantFrom("1", "2"),
    }).map((query) => (query.includes("body=") ? query : `${query}${query ? "&" : "?"}body=HLCM-HR`)),
  },
  {
    name: "GET /api/timeline",
    method: "GET",
    read: true,
    path: fc.constant("/api/timeline"),
    query: queryFrom({
      ...filters,
      workstream: slug,
      from: day,
      to: day,
      offset: fc.constantFrom("0", "50"),
      limit: fc.constantFrom("1", "200"),
      lang: fc.constantFrom("en", "ar", "xx"),
    }),
  },
  {
    name: "GET /api/timeline/lanes",
    method: "GET",
    read: true,
    path: fc.constant("/api/timeline/lanes"),
    query: queryFrom({
      ...filters,
      workstream: slug,
      offset: fc.constantFrom("0", "5"),
      limit: fc.constantFrom("1", "1000"),
      lang: fc.constantFrom("en", "zh", "xx"),
    }),
  },
  {
    name: "GET /api/timeline/portfolio",
    method: "GET",
    read: true,
    path: fc.constant("/api/timeline/portfolio"),
    query: queryFrom({ ...filters, workstream: slug, from: day, to: day }),
  },
  {
    name: "GET /api/{unknown}",
    method: "GET",
    read: true,
    path: pathSegment(fc.constantFrom("x", "auth/session")).map((s) => `/api/${s}/more`),
    query: queryFrom({}),
  },
  {
    name: "POST /api/workstreams",
    method: "POST",
    read: false,
    path: fc.constant("/api/workstreams"),
    query: queryFrom({}),
    body: bodyFrom(
      {
        slug: fc.string({ unit: fc.constantFrom("a", "b", "-", "1"), minLength: 1, maxLength: 12 }),
        nameEn: fc.string({ maxLength: 40 }),
        nameZh: fc.string({ maxLength: 10 }),
        bodyCode: fc.constantFrom("HLCP", "hlcm", "NOPE"),
        leads: fc.oneof(fc.array(fc.string({ maxLength: 8 }), { maxLength: 4 }), fc.constant("UNDP, ITU")),
        summaryEn: fc.string({ maxLength: 60 }),
        paragraphs: fc.oneof(fc.array(fc.integer({ min: -2, max: 300 }), { maxLength: 4 }), fc.constant("5, 6")),
        translations: fc.dictionary(fc.constantFrom("fr", "ar", "de"), fc.record({ name: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }), { maxKeys: 2 }),
      },
      ["slug", "nameEn", "bodyCode"],
    ),
  },
  {
    name: "PUT /api/workstreams/{slug}/watch",
    method: "PUT",
    read: false,
    path: pathSegment(slug).map((s) => `/api/workstreams/${s}/watch`),
    query: queryFrom({}),
    body: bodyFrom({ watched: fc.boolean() }, ["watched"]),
  },
  {
    name: "PATCH /api/workstreams/{slug}",
    method: "PATCH",
    read: false,
    path: pathSegment(fc.constantFrom(FUZZ_WORKSTREAM, "no-such-workstream")).map((s) => `/api/workstreams/${s}`),
    query: queryFrom({}),
    body: bodyFrom(
      {
        version,
        nameEn: fc.string({ maxLength: 40 }),
        bodyCode: fc.constantFrom("HLCP", "NOPE"),
        leads: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
        slug: fc.constantFrom("fuzz-renamed", "Bad Slug", ASSIGNED),
      },
      ["version"],
    ),
  },
  {
    name: "POST /api/workstreams/{slug}/milestones",
    method: "POST",
    read: false,
    path: pathSegment(slug).map((s) => `/api/workstreams/${s}/milestones`),
    query: queryFrom({}),
    body: bodyFrom(
      {
        titleEn: fc.string({ minLength: 1, maxLength: 40 }),
        titleZh: fc.string({ maxLength: 10 }),
        date,
        status,
        completedOn: fc.oneof(date, fc.constant(null)),
        note: fc.string({ minLength: 1, maxLength: 60 }),
        evidence: fc.array(fc.constantFrom("CEB/2022/1", "https://example.org/x", "not evidence"), { maxLength: 3 }),
        sourceParagraph: fc.integer({ min: 0, max: 10_001 }),
        translations: fc.dictionary(fc.constantFrom("fr", "es", "de"), fc.string({ maxLength: 10 }), { maxKeys: 2 }),
      },
      ["titleEn", "date"],
    ),
  },
  {
    name: "PATCH /api/milestones/{id}",
    method: "PATCH",
    read: false,
    path: pathSegment(milestoneId).map((id) => `/api/milestones/${id}`),
    query: queryFrom({}),
    body: bodyFrom(
      {
        version,
        status,
        completedOn: fc.oneof(date, fc.constant(null)),
        note: fc.string({ maxLength: 60 }),
        evidence: fc.array(fc.constantFrom("CEB/2022/1", "https://example.org/y", "bad"), { maxLength: 3 }),
        titleEn: fc.string({ maxLength: 40 }),
        date,
        translations: fc.dictionary(fc.constantFrom("fr", "ru", "xx"), fc.string({ maxLength: 10 }), { maxKeys: 2 }),
      },
      ["version"],
    ),
  },
  {
    name: "DELETE /api/milestones/{id}",
    method: "DELETE",
    read: false,
    path: pathSegment(milestoneId).map((id) => `/api/milestones/${id}`),
    query: queryFrom({}),
    body: bodyFrom({ version, note: fc.string({ maxLength: 40 }) }, ["version"]),
  },
];

async function fuzzRoute(route: FuzzRoute): Promise<{ cases: number; refused: number; statuses: Map<number, number> }> {
  const statuses = new Map<number, number>();
  let cases = 0;
  let refused = 0;
  const arbitrary = fc.tuple(route.path, route.query, route.body ?? fc.constant(undefined));
  await fc.assert(
    fc.asyncProperty(arbitrary, async ([target, query, body]) => {
      const before = await fingerprint(database);
      const answer: Answer = await request(server, admin(), route.method, `${target}${query}`, body as string | object | undefined);
      cases++;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const where = `${route.method} ${target}${query.slice(0, 300)} → ${answer.status} ${answer.text.slice(0, 300)}`;
      expect(answer.status, where).toBeLessThan(500);
      if (answer.status >= 400) {
        refused++;
        expect(answer.type, where).toContain("application/problem+json");
        expect(await fingerprint(database), `${where}: a refusal changed the data`).toBe(before);
      }
    }),
    { numRuns: FUZZ_RUNS, endOnFailure: true },
  );
  return { cases, refused, statuses };
}

describe("the fuzz", () => {
  it(`every API route's path, query and body: no 5xx, and no refusal changes the data (${FUZZ_RUNS} cases per route)`, async () => {
    const made = await request(server, admin(), "POST", "/api/workstreams", { slug: FUZZ_WORKSTREAM, nameEn: "Fuzz target", bodyCode: "HLCP" });
    expect(made.status, made.text).toBe(201);
    const started = Date.now();
    // Reads run side by side (they change nothing); writes one at a time, so a refusal's
    // "nothing changed" cannot be confused with another request's change.
    const reads = await Promise.all(FUZZ.filter((route) => route.read).map(async (route) => [route, await fuzzRoute(route)] as const));
    const writes = [];
    for (const route of FUZZ.filter((item) => !item.read)) writes.push([route, await fuzzRoute(route)] as const);
    let total = 0;
    for (const [route, result] of [...reads, ...writes]) {
      total += result.cases;
      const spread = [...result.statuses]
        .sort(([a], [b]) => a - b)
        .map(([code, n]) => `${code}×${n}`)
        .join(" ");
      report(`fuzz ${route.name}: ${result.cases} cases (${result.refused} refused, data unchanged each time): ${spread}`);
    }
    report(`fuzz: ${FUZZ.length} routes × ${FUZZ_RUNS} cases = ${total} requests, 0 answered 5xx (${Math.round((Date.now() - started) / 1000)} s)`);
  }, 1_200_000);
});

// ---------------------------------------------------------------------------------------------
// Concurrency and the throttle

describe("concurrent writers", () => {
  it("20 clients change one milestone at the same version: exactly one wins, 19 hear 409", async () => {
    const target = await newMilestone(ASSIGNED);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request(server, who.writeToken, "PATCH", `/api/milestones/${target.id}`, {
          version: target.version,
          status: "delayed",
          note: `client ${i}`,
        }),
      ),
    );
    const codes = answers.map((answer) => answer.status).sort();
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(19);
    const after = (await get(`/api/milestones/${target.id}`)).body as { version: number };
    expect(after.version).toBe(target.version + 1);
    const history = (await get(`/api/milestones/${target.id}/history`)).body as { entries: unknown[] };
    expect(history.entries).toHaveLength(2);
    report("concurrency: 20 clients on one version → 1 × 200, 19 × 409, one history entry added");
  }, 120_000);
});

describe("the sign-in throttle on the real socket", () => {
  it("rotating X-Forwarded-For (TRUST_PROXY unset) does not escape the per-address limit", async () => {
    const fields = await signInFields(server);
    expect(fields.length).toBeGreaterThan(2);
    const results: string[] = [];
    for (let i = 0; i < 52; i++) {
      const attempt = await signInForm(server, fields, `spray${i}@reliability.test`, "not the password", { "x-forwarded-for": `198.51.100.${i}` });
      results.push(attempt.outcome);
    }
    expect(
      results.slice(0, 50).every((result) => result === "invalid"),
      results.join(","),
    ).toBe(true);
    expect(results.slice(50)).toEqual(["locked", "locked"]);
    report("throttle: 50 failures from one socket under 50 forged X-Forwarded-For addresses → the 51st attempt is refused");
  }, 300_000);
});
