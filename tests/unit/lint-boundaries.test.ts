/**
 * The folder boundaries of STYLE.md 14, as eslint.config.mjs enforces them: app/ never imports
 * db/, db/ imports nothing from lib/ or app/, lib/ never imports app/, and no import cycle. Each
 * rule is run through ESLint's Node API on a deliberate violation (it must fail, with that rule)
 * and on the clean import beside it (it must pass). Texts are linted as if they were the named
 * files, so nothing is written to the tree; the files exist, as import/no-cycle reads the linted
 * file's own path from disk (it throws on a path that is not there).
 */
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

// import/no-cycle reads the import graph from disk (its strongly connected components are
// computed once, from the files), so its cycle is two real files, written before the first lint
// and removed after the last.
const CYCLE_DIR = path.resolve("lib/__lint-cycle-fixture__");

beforeAll(async () => {
  fs.mkdirSync(CYCLE_DIR, { recursive: true });
  fs.writeFileSync(path.join(CYCLE_DIR, "a.ts"), 'import { b } from "./b";\nexport const a = () => b;\n');
  fs.writeFileSync(path.join(CYCLE_DIR, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
  fs.writeFileSync(path.join(CYCLE_DIR, "c.ts"), 'import { users } from "@/db/schema/auth";\nexport const c = () => users;\n');
  eslint = new ESLint({ cwd: process.cwd() });
  // The first lint of a page loads the plugins and walks the import graph behind it (a minute on
  // a busy machine); the tests after it reuse that work.
  await eslint.lintText('import { USER_ROLES } from "@/lib/domain/roles";\nexport const roles = USER_ROLES;\n', { filePath: "app/[locale]/admin/page.tsx" });
}, 300_000);

afterAll(() => fs.rmSync(CYCLE_DIR, { recursive: true, force: true }));

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const TIMEOUT = 120_000;

describe("app/ never imports db/", () => {
  it("fails on an import of @/db/schema from a page", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("app/[locale]/admin/page.tsx", 'import { USER_ROLES } from "@/db/schema";\nexport const roles = USER_ROLES;\n')).toEqual([
      "no-restricted-imports",
    ]);
  });

  it("fails on a type-only import of the database client", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("app/api/health/route.ts", 'import type { Db } from "@/db";\nexport type D = Db;\n')).toEqual(["no-restricted-imports"]);
  });

  it("fails on a relative import that climbs into db/", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("app/layout.tsx", 'import { getDb } from "../db";\nexport const db = getDb;\n')).toEqual(["no-restricted-imports"]);
  });

  it("passes the same enum taken from lib/domain", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("app/[locale]/admin/page.tsx", 'import { USER_ROLES } from "@/lib/domain/roles";\nexport const roles = USER_ROLES;\n')).toEqual([]);
  });
});

describe("db/ imports nothing from lib/ or app/", () => {
  it("fails on an import from lib/", { timeout: TIMEOUT }, async () => {
    expect(
      await ruleIds("db/schema/bodies.ts", 'import { MILESTONE_STATUSES } from "../../lib/domain/status";\nexport const s = MILESTONE_STATUSES;\n'),
    ).toEqual(["no-restricted-imports"]);
  });

  it("fails on an import from app/", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("db/setup.ts", 'import { StatusBand } from "@/app/[locale]/_components/status-band";\nexport const c = StatusBand;\n')).toEqual([
      "no-restricted-imports",
    ]);
  });

  it("fails on a new lib/ import in a file whose existing one is allow-listed", { timeout: TIMEOUT }, async () => {
    const code =
      'import { MILESTONE_STATUSES } from "../../lib/domain/status";\nimport { todayIso } from "../../lib/domain/partial-date";\nexport const s = [MILESTONE_STATUSES, todayIso];\n';
    const [result] = await eslint.lintText(code, { filePath: "db/schema/milestones.ts" });
    expect(result?.messages.map((message) => [message.ruleId, message.line])).toEqual([["no-restricted-imports", 2]]);
  });

  it("passes an import inside db/", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("db/setup.ts", 'import { bodies } from "./schema/bodies";\nexport const b = bodies;\n')).toEqual([]);
  });
});

describe("lib/ never imports app/", () => {
  it("fails on an import from app/", { timeout: TIMEOUT }, async () => {
    expect(
      await ruleIds("lib/queries/bodies.ts", 'import { StatusBand } from "@/app/[locale]/_components/status-band";\nexport const c = StatusBand;\n'),
    ).toEqual(["no-restricted-imports"]);
  });

  it("fails on an import from app/ in a test beside lib/ code", { timeout: TIMEOUT }, async () => {
    expect(
      await ruleIds("lib/reports/report.test.ts", 'import { StatusBand } from "@/app/[locale]/_components/status-band";\nexport const c = StatusBand;\n'),
    ).toEqual(["no-restricted-imports"]);
  });

  it("passes an import from db/", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("lib/queries/bodies.ts", 'import { bodies } from "@/db/schema";\nexport const b = bodies;\n')).toEqual([]);
  });
});

describe("no import cycle", () => {
  it("fails on two lib/ files that import each other", { timeout: TIMEOUT }, async () => {
    const results = await eslint.lintFiles([path.join(CYCLE_DIR, "a.ts"), path.join(CYCLE_DIR, "b.ts")]);
    expect(results.map((result) => result.messages.map((message) => message.ruleId))).toEqual([["import/no-cycle"], ["import/no-cycle"]]);
  });

  it("passes a lib/ file whose imports do not come back", { timeout: TIMEOUT }, async () => {
    const [result] = await eslint.lintFiles([path.join(CYCLE_DIR, "c.ts")]);
    expect(result?.messages).toEqual([]);
  });
});

describe("only lib/queries, lib/commands and lib/auth open the database", () => {
  it("fails on the database connection imported by the report's code", { timeout: TIMEOUT }, async () => {
    expect(await ruleIds("lib/reports/report-data.ts", 'import { getDb } from "@/db";\nexport const db = getDb;\n')).toEqual(["no-restricted-imports"]);
  });

  it("still fails on app/ imported by the report's code (the stricter rule keeps the general one)", { timeout: TIMEOUT }, async () => {
    expect(
      await ruleIds("lib/reports/report-data.ts", 'import { Pagination } from "@/app/[locale]/_components/pagination";\nexport const p = Pagination;\n'),
    ).toEqual(["no-restricted-imports"]);
  });

  it("passes the same read taken from lib/queries", { timeout: TIMEOUT }, async () => {
    expect(
      await ruleIds("lib/reports/report-data.ts", 'import { workstreamChoices } from "@/lib/queries/report";\nexport const choices = workstreamChoices;\n'),
    ).toEqual([]);
  });
});
