import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type AppDatabase, databaseRuntime } from "@/db";
import { databaseDialect } from "@/db/dialect";
import { searchClauses, TRIGRAM_MIN } from "@/lib/domain/search";

/**
 * Every piece of SQL that SQLite and PostgreSQL say differently, behind a name (ADR 021): the
 * queries compose these and otherwise write SQL that both run. The dialect is the process's
 * (db/dialect.ts), fixed at start.
 */
const onPostgres = () => databaseDialect() === "postgres";

/**
 * The search tables (rowid = item id * 8 + language slot): FTS5 with the trigram tokenizer on
 * SQLite (drizzle/0006), folded text with a pg_trgm index on PostgreSQL (drizzle/postgres/0002).
 */
export type SearchTable = "workstream_search" | "milestone_search";

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * SQL selecting the ids of the items whose text (in any language) matches every clause of the
 * query. Variants of 3+ characters use the FTS5 trigram index; shorter ones (two Chinese
 * characters, "UN") a LIKE over the same table.
 */
export function fullTextMatchIds(table: SearchTable, query: string): SQL {
  if (onPostgres()) return postgresTextMatchIds(table, query);
  const name = sql.raw(table);
  const clauses = searchClauses(query);
  if (!clauses.length) return sql`select ${name}.rowid / 8 from ${name}`;
  const conditions = clauses.map((clause) => {
    const long = clause.filter((variant) => [...variant].length >= TRIGRAM_MIN);
    const short = clause.filter((variant) => [...variant].length < TRIGRAM_MIN);
    const either: SQL[] = [];
    if (long.length) either.push(sql`rowid in (select rowid from ${name} where ${name} match ${long.map(phrase).join(" OR ")})`);
    for (const variant of short) either.push(sql`text like ${likePattern(variant)} escape '\\'`);
    return sql`(${sql.join(either, sql` or `)})`;
  });
  return sql`select rowid / 8 from ${name} where ${sql.join(conditions, sql` and `)}`;
}

/**
 * PostgreSQL: every clause a substring of the folded text (lower case, Latin accents removed, as
 * the table stores it); pg_trgm's index serves terms of 3+ characters, shorter ones scan.
 */
function postgresTextMatchIds(table: SearchTable, query: string): SQL {
  const name = sql.raw(table);
  const clauses = searchClauses(query);
  if (!clauses.length) return sql`select rowid / 8 from ${name}`;
  const conditions = clauses.map(
    (clause) =>
      sql`(${sql.join(
        clause.map((variant) => sql`text like search_fold(${likePattern(variant)}) escape '\\'`),
        sql` or `,
      )})`,
  );
  return sql`select rowid / 8 from ${name} where ${sql.join(conditions, sql` and `)}`;
}

/** An expression that sorts and compares without regard to letter case (SQLite: COLLATE NOCASE; PostgreSQL: lower()). */
export const caseInsensitive = (expression: SQL) => (onPostgres() ? sql`lower(${expression})` : sql`${expression} collate nocase`);

/** The larger of two values (SQLite's two-argument max(); PostgreSQL calls it greatest()). */
export const greaterOf = (a: SQL | number, b: SQL | number) => (onPostgres() ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`);

/**
 * A JSON value bound by a prepared statement, encoded by the caller: through a JSON column's
 * mapper a null would be stored as the text 'null'. SQLite keeps JSON as text.
 */
export const encodedJson = (placeholder: string) => sql`${sql.placeholder(placeholder)}`;

/**
 * A select's rows as arrays of column values rather than objects: the timeline reads a hundred
 * thousand rows this way (much less to allocate). SQLite: better-sqlite3's raw mode; PostgreSQL:
 * node-postgres's array row mode on the query's SQL (its columns are plain text and integers,
 * which need no mapping).
 */
export async function rowsAsArrays(query: { values: () => unknown; toSQL: () => { sql: string; params: unknown[] } }): Promise<unknown[][]> {
  const runtime = databaseRuntime();
  if (runtime.dialect === "sqlite") return query.values() as unknown[][];
  const { sql: text, params } = query.toSQL();
  const result = await runtime.postgres.$client.query({ text, values: params, rowMode: "array" });
  return result.rows as unknown[][];
}

/** Resolves when the database answers a trivial query. */
export async function databaseAnswers(db: AppDatabase): Promise<void> {
  const runtime = databaseRuntime();
  if (runtime.dialect === "postgres") await runtime.postgres.execute(sql`select 1`);
  else db.get(sql`select 1`);
}

/**
 * Makes a transaction that reads rows and then writes what it computed from them run alone,
 * across every process, among those naming the same `lock`. SQLite's BEGIN IMMEDIATE already
 * holds the database's write lock from the start; PostgreSQL runs transactions side by side
 * (READ COMMITTED), so two could read one counter and both write it plus one. There this takes a
 * transaction-level advisory lock, released at commit or rollback.
 */
export async function runAloneInTransaction(tx: AppDatabase, lock: number): Promise<void> {
  if (!onPostgres()) return;
  await (tx as unknown as { execute: (query: SQL) => Promise<unknown> }).execute(sql`select pg_advisory_xact_lock(${lock})`);
}
