import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { milestones } from "@/db/schema";
import { searchClauses, TRIGRAM_MIN } from "@/lib/domain/search";

/** The FTS5 tables of migration 0005 (rowid = item id * 8 + language slot). */
type SearchTable = "workstream_search" | "milestone_search";

const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * SQL selecting the ids of the items whose text (in any language) matches every clause of the
 * query. Variants of 3+ characters use the trigram index; shorter ones (two Chinese characters,
 * "UN") a LIKE over the same table.
 */
export function matchingIds(table: SearchTable, query: string): SQL {
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

/** Milestones a search selects: all of a matching workstream's, and the matching ones of others. */
export function searchCondition(query: string): SQL {
  return sql`(${milestones.workstreamId} in (${matchingIds("workstream_search", query)}) or ${milestones.id} in (${matchingIds("milestone_search", query)}))`;
}
