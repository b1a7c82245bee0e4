import { bigint, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { TOKEN_SCOPES } from "../schema/access";
import { users } from "./auth";
import { isoNow } from "./columns";
import { workstreams } from "./workstreams";

/** The PostgreSQL mirror of db/schema/access.ts. */

export const workstreamAssignments = pgTable(
  "workstream_assignments",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull().default(isoNow),
  },
  (table) => [primaryKey({ columns: [table.userId, table.workstreamId] }), index("workstream_assignments_workstream_idx").on(table.workstreamId)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull().default(isoNow),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId)],
);

/** Window start and lock end are epoch milliseconds, past int4's range: bigint read as number. */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: bigint("window_started_at", { mode: "number" }).notNull(),
  lockedUntil: bigint("locked_until", { mode: "number" }),
});
