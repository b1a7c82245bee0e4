import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBinaries } from "@/tests/setup/postgres-cluster";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** A stand-in for /usr/lib/postgresql with the given binaries per version. */
function installed(versions: Record<string, string[]>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-pg-binaries-"));
  roots.push(root);
  for (const [version, names] of Object.entries(versions)) {
    fs.mkdirSync(path.join(root, version, "bin"), { recursive: true });
    for (const name of names) fs.writeFileSync(path.join(root, version, "bin", name), "");
  }
  return root;
}

describe("the PostgreSQL test server's binaries", () => {
  it("fail the tests with how to install them when none are installed, instead of skipping", () => {
    expect(() => findPostgresBinaries(installed({}))).toThrow(/apt-get install -y postgresql-15/);
    expect(() => findPostgresBinaries(path.join(os.tmpdir(), "no-such-folder"))).toThrow(/none is installed/);
  });

  it("fail when a version lacks the server itself", () => {
    expect(() => findPostgresBinaries(installed({ "16": ["initdb", "pg_ctl"] }))).toThrow(/none is installed/);
  });

  it("are the newest complete server installed", () => {
    const root = installed({ "9": ["initdb", "pg_ctl", "postgres"], "15": ["initdb", "pg_ctl", "postgres"], "16": ["psql"] });
    expect(findPostgresBinaries(root)).toBe(path.join(root, "15", "bin"));
  });
});
