import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { MILESTONE_STATUSES } from "../../lib/domain/status";
import type { Evidence } from "./evidence";
import { milestones } from "./milestones";

/** What a history entry records: a status change, an edit of other fields, creation, removal. */
export const HISTORY_KINDS = ["created", "status", "edited", "removed"] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

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
    changedAt: text("changed_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    kind: text("kind", { enum: HISTORY_KINDS }).notNull().default("status"),
    /** Who made the change, as shown then (name and email); "seed" for entries from the report. */
    actor: text("actor").notNull(),
    // Not a foreign key: history outlives accounts (and cannot be updated to null them out).
    actorUserId: text("actor_user_id"),
    note: text("note"),
    evidence: text("evidence", { mode: "json" })
      .$type<Evidence[]>()
      .notNull()
      .default(sql`'[]'`),
    /** For edits: each changed field with its old and new value. */
    changes: text("changes", { mode: "json" }).$type<Record<string, { from: unknown; to: unknown }>>(),
  },
  (table) => [index("status_history_milestone_idx").on(table.milestoneId, table.changedAt), index("status_history_changed_at_idx").on(table.changedAt)],
);

export const statusHistoryRelations = relations(statusHistory, ({ one }) => ({
  milestone: one(milestones, { fields: [statusHistory.milestoneId], references: [milestones.id] }),
}));

export type StatusHistoryEntry = typeof statusHistory.$inferSelect;
export type NewStatusHistoryEntry = typeof statusHistory.$inferInsert;
