import { index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { isoNow } from "./columns";
import { workstreams } from "./workstreams";

/** The PostgreSQL mirror of db/schema/watches.ts. */
export const workstreamWatches = pgTable(
  "workstream_watches",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull().default(isoNow),
  },
  (table) => [primaryKey({ columns: [table.userId, table.workstreamId] }), index("workstream_watches_workstream_idx").on(table.workstreamId)],
);
