import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { AppDatabase } from "@/db";
import { searchClauses, TRIGRAM_MIN } from "@/lib/domain/search";

/**
 * Every piece of SQL that only SQLite speaks, behind a name (ADR 021): the queries compose these
 * and otherwise write SQL that SQLite and PostgreSQL both run. SQLite implementations only.
 */

/** The FTS5 tables of migration 0005 (rowid = item id * 8 + language slot). */
export type SearchTable = "workstream_search" | "milestone_search";

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * SQL selecting the ids of the items whose text (in any language) matches every clause of the
 * query. Variants of 3+ characters use the FTS5 trigram index; shorter ones (two Chinese
 * characters, "UN") a LIKE over the same table.
 */
export function fullTextMatchIds(table: SearchTable, query: string): SQL {
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

/** An expression that sorts and compares without regard to letter case (SQLite: COLLATE NOCASE). */
export const caseInsensitive = (expression: SQL) => sql`${expression} collate nocase`;

/** The larger of two values (SQLite's two-argument max(); PostgreSQL calls it greatest()). */
export const greaterOf = (a: SQL | number, b: SQL | number) => sql`max(${a}, ${b})`;

/**
 * A JSON value bound by a prepared statement, encoded by the caller: through a JSON column's
 * mapper a null would be stored as the text 'null'. SQLite keeps JSON as text.
 */
export const encodedJson = (placeholder: string) => sql`${sql.placeholder(placeholder)}`;

/**
 * A select's rows as arrays of column values rather than objects: the timeline reads a hundred
 * thousand rows this way (much less to allocate). SQLite: better-sqlite3's raw mode.
 */
export async function rowsAsArrays(query: { values: () => unknown[][] }): Promise<unknown[][]> {
  return query.values();
}

/** Resolves when the database answers a trivial query (SQLite: better-sqlite3 answers at once). */
export async function databaseAnswers(db: AppDatabase): Promise<void> {
  db.get(sql`select 1`);
}
