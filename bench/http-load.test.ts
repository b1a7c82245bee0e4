import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MILESTONE_STATUSES } from "@/lib/domain/status";
import { fetchOnce, loadTest, markdownTable, patchLoad, percentile, treeCpuMs, treeRssKb } from "./http-load";
import { createSyntheticDatabase, FIRST_YEAR, YEARS } from "./synthetic";

// The benchmark's pieces on a tiny scale: the generator on a small database, and the load runs
// against a stand-in server that keeps versions the way the milestone API does.
describe("the HTTP benchmark's pieces", () => {
  let server: http.Server;
  let origin = "";
  const versions = new Map<number, number>([
    [1, 1],
    [2, 5],
  ]);
  const accepted = new Map<number, number>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      const match = /^\/api\/milestones\/(\d+)$/.exec(request.url ?? "");
      if (request.method === "PATCH" && match) {
        let body = "";
        request.on("data", (chunk: Buffer) => (body += chunk.toString()));
        request.on("end", () => {
          const id = Number(match[1]);
          const sent = (JSON.parse(body) as { version: number }).version;
          const current = versions.get(id)!;
          response.setHeader("content-type", "application/json");
          if (sent !== current || request.headers.authorization !== `Bearer token-${id}`) {
            response.statusCode = 409;
            response.end(JSON.stringify({ current: { version: current } }));
            return;
          }
          versions.set(id, current + 1);
          accepted.set(id, (accepted.get(id) ?? 0) + 1);
          response.end(JSON.stringify({ version: current + 1 }));
        });
        return;
      }
      if (request.url === "/large") {
        const page = Buffer.from("<p>page</p>".repeat(1000));
        if (/gzip/.test(request.headers["accept-encoding"] ?? "")) response.setHeader("content-encoding", "gzip");
        response.end(response.hasHeader("content-encoding") ? zlib.gzipSync(page) : page);
        return;
      }
      if (request.url === "/missing") response.statusCode = 404;
      response.end(request.headers.cookie === "session=a" || request.headers.cookie === "session=b" ? "page" : "no cookie");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("grows a database to the asked size with every status, ten years and three history rows per milestone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-synthetic-"));
    try {
      const file = path.join(dir, "tiny.sqlite");
      const result = createSyntheticDatabase(file, { workstreams: 30, milestones: 600 });
      const db = new Database(file, { readonly: true });
      const one = (sql: string) => db.prepare(sql).get() as Record<string, number>;
      expect(one("select count(*) n from workstreams").n).toBe(30);
      expect(one("select count(*) n from milestones").n).toBe(600);
      expect(one("select count(*) n from status_history where actor = 'synthetic'").n).toBe(3 * result.milestones);
      const statuses = (db.prepare("select distinct status from milestones").all() as { status: string }[]).map((row) => row.status);
      expect(statuses.sort()).toEqual([...MILESTONE_STATUSES].sort());
      const years = one("select min(year) lo, max(year) hi from milestones where seed_key like 'synthetic-%'");
      expect([years.lo, years.hi]).toEqual([FIRST_YEAR, FIRST_YEAR + YEARS - 1]);
      // The history ends in the milestone's status.
      expect(
        one(
          `select count(*) n from milestones m where m.seed_key like 'synthetic-%' and m.status <> (select to_status from status_history h where h.milestone_id = m.id order by h.id desc limit 1)`,
        ).n,
      ).toBe(0);
      db.close();
      // The same seed gives the same rows.
      const again = path.join(dir, "again.sqlite");
      createSyntheticDatabase(again, { workstreams: 30, milestones: 600 });
      const titles = (f: string) => new Database(f, { readonly: true }).prepare("select group_concat(title_en || date || status, '|') t from milestones").get();
      expect(titles(again)).toEqual(titles(file));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("measures one GET's body decoded and as it came over the wire, and refuses anything but a 200", async () => {
    const compressed = await fetchOnce(`${origin}/large`, { "accept-encoding": "gzip, deflate, br" });
    const plain = await fetchOnce(`${origin}/large`, { "accept-encoding": "identity" });
    expect(compressed.bytes).toBe(11_000);
    expect(compressed.body).toBe("<p>page</p>".repeat(1000));
    expect(compressed.wireBytes).toBe(zlib.gzipSync(Buffer.from(compressed.body)).length);
    expect(plain).toEqual({ bytes: 11_000, wireBytes: 11_000, body: compressed.body });
    await expect(fetchOnce(`${origin}/missing`, {})).rejects.toThrow("answered 404");
  });

  it("loads a URL with a header per client and reports exact percentiles", async () => {
    const result = await loadTest({ url: `${origin}/page`, connections: 2, seconds: 1, headersFor: (i) => ({ cookie: i === 0 ? "session=a" : "session=b" }) });
    expect(result.requests).toBeGreaterThan(10);
    expect(result.errors).toBe(0);
    expect(result.p50).toBeLessThanOrEqual(result.p95);
    expect(result.p95).toBeLessThanOrEqual(result.p99);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(treeRssKb(process.pid)).toBeGreaterThan(0);
    expect(treeCpuMs(process.pid)).toBeGreaterThan(0);
  });

  it("PATCHes each client's milestone with the version it last read, so every request is accepted", async () => {
    const clients = [
      { token: "token-1", milestoneId: 1, version: 1, statuses: ["in_progress", "planned"] as [string, string] },
      { token: "token-2", milestoneId: 2, version: 5, statuses: ["in_progress", "planned"] as [string, string] },
    ];
    const result = await patchLoad({ origin, clients, seconds: 1 });
    expect(result.status["200"]).toBeGreaterThan(10);
    expect(result.status["409"] ?? 0).toBe(0);
    // A request still in flight when the run stops may be accepted without its answer being read.
    for (const id of [1, 2]) {
      expect(result.accepted.get(id)).toBeGreaterThanOrEqual(accepted.get(id)! - 1);
      expect(result.accepted.get(id)).toBeLessThanOrEqual(accepted.get(id)!);
    }
    expect(clients[0]!.version).toBeGreaterThanOrEqual(versions.get(1)! - 1);
    const table = markdownTable("route", [
      { name: "floor", floor: true, one: result, twenty: result },
      { name: "page", bytes: 2048, wireBytes: 20_480, one: result, twenty: { ...result, reqPerSec: result.reqPerSec / 4 } },
    ]);
    expect(table).toContain("| page |");
    expect(table).toContain("| 2 KB | 20 KB |");
    expect(table).toContain("4.0×");
  });
});
