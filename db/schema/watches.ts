import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { workstreams } from "./workstreams";

/** Workstreams a user follows: shown first on their overview. Any role may watch. */
export const workstreamWatches = sqliteTable(
  "workstream_watches",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [primaryKey({ columns: [table.userId, table.workstreamId] }), index("workstream_watches_workstream_idx").on(table.workstreamId)],
);

export type WorkstreamWatch = typeof workstreamWatches.$inferSelect;
