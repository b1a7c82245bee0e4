import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MILESTONE_STATUSES } from "../../lib/domain/status";
import { milestones } from "./milestones";

/**
 * Append-only log of every status a milestone has had. Database triggers (see the migration)
 * refuse UPDATE and DELETE, so history cannot be rewritten even by a buggy command.
 */
export const statusHistory = sqliteTable(
  "status_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => milestones.id),
    fromStatus: text("from_status", { enum: MILESTONE_STATUSES }),
    toStatus: text("to_status", { enum: MILESTONE_STATUSES }).notNull(),
    changedAt: text("changed_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Who made the change; "seed" for entries written from the report. */
    actor: text("actor").notNull(),
    note: text("note"),
  },
  (table) => [
    index("status_history_milestone_idx").on(table.milestoneId, table.changedAt),
    index("status_history_changed_at_idx").on(table.changedAt),
  ],
);

export const statusHistoryRelations = relations(statusHistory, ({ one }) => ({
  milestone: one(milestones, { fields: [statusHistory.milestoneId], references: [milestones.id] }),
}));

export type StatusHistoryEntry = typeof statusHistory.$inferSelect;
export type NewStatusHistoryEntry = typeof statusHistory.$inferInsert;
