import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { milestones } from "@/db/schema";
import { fullTextMatchIds } from "./dialect";

/** Milestones a search selects: all of a matching workstream's, and the matching ones of others. */
export function searchCondition(query: string): SQL {
  return sql`(${milestones.workstreamId} in (${fullTextMatchIds("workstream_search", query)}) or ${milestones.id} in (${fullTextMatchIds("milestone_search", query)}))`;
}
