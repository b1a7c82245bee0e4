import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Boundaries (STYLE.md 14): data flows db/ → lib/ → app/. An import specifier that reaches a
 * folder, by the "@/" alias or by a relative path that climbs to the root, matches `into(folder)`.
 * Type-only imports count: a boundary is about what a folder knows, not only what it runs.
 */
const into = (...folders) => `^(@/|(\\.\\./)+)(${folders.join("|")})(/|$)`;

const boundary = (message, pattern, allowed = []) => [
  "error",
  {
    patterns: [
      {
        // An allowed specifier (the allow-list below) is excluded by a lookahead on its exact text.
        regex: allowed.length
          ? `^(?!(${allowed.map((specifier) => specifier.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$)${pattern.slice(1)}`
          : pattern,
        message,
      },
    ],
  },
];

const APP = "app/ never imports db/: read through lib/queries, write through lib/commands, take types and enums from lib/domain.";
const DB = "db/ imports nothing from lib/ or app/: shared enums live where db/ can import them.";
const LIB = "lib/ never imports app/: move what both need into lib/.";
const READS = "Only lib/queries, lib/commands and lib/auth open the database: read through lib/queries, write through lib/commands.";
/** The database connection itself (db/index.ts), not db/schema's types and enums. */
const DATABASE_CONNECTION = "^(@/|(\\.\\./)+)db$";

/**
 * Today's crossings, allowed one specifier at a time so that any new one fails the lint. The lead
 * removes each entry when the code moves (issue 14); the rule stays as it is.
 */
const ALLOWED = {
  // db/schema and the seed import rules from lib/domain (MILESTONE_STATUSES; partial dates).
  "db/schema/milestones.ts": ["../../lib/domain/status"],
  "db/schema/status-history.ts": ["../../lib/domain/status"],
  // Their PostgreSQL mirrors take the same enum from the same place.
  "db/schema-pg/milestones.ts": ["../../lib/domain/status"],
  "db/schema-pg/status-history.ts": ["../../lib/domain/status"],
  "db/seed/load.ts": ["../../lib/domain/partial-date"],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  { files: ["app/**/*.{ts,tsx}"], rules: { "no-restricted-imports": boundary(APP, into("db")) } },
  { files: ["db/**/*.ts"], rules: { "no-restricted-imports": boundary(DB, into("lib", "app")) } },
  { files: ["lib/**/*.{ts,tsx}"], rules: { "no-restricted-imports": boundary(LIB, into("app")) } },
  {
    // The rest of lib/ works on what the reads return (the same rule as above, plus the connection).
    files: ["lib/{reports,domain,validation,content,client,http,ingest}/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: into("app"), message: LIB },
            { regex: DATABASE_CONNECTION, message: READS },
          ],
        },
      ],
    },
  },
  ...Object.entries(ALLOWED).map(([file, allowed]) => ({
    files: [file],
    rules: { "no-restricted-imports": boundary(file.startsWith("db/") ? DB : LIB, into(...(file.startsWith("db/") ? ["lib", "app"] : ["app"])), allowed) },
  })),
  {
    // A cycle makes module order matter and hides which side owns a rule; the resolver from
    // eslint-config-next follows the "@/" alias. The entity files of db/schema are left out: a
    // table and its relations live together (STYLE.md 2), so bodies ↔ workstreams ↔ milestones ↔
    // status-history reference each other, through drizzle's lazy callbacks (() => table.id); the
    // same holds for their PostgreSQL mirrors in db/schema-pg.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "db/**/*.ts"],
    ignores: ["db/schema/*.ts", "db/schema-pg/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // Reads and writes return promises (ADR 021): one that is not awaited runs unchecked, and a
    // promise in a condition is always true. Type-aware, so only where the database is reached.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["**/*.test.ts", "e2e/**/*.ts"],
    rules: { "no-restricted-syntax": ["error", { selector: "CallExpression[callee.property.name='only']", message: "No focused tests." }] },
  },
  globalIgnores(["e2e/.artifacts/**", ".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "drizzle/meta/**"]),
]);
