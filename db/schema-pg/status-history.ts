import { relations } from "drizzle-orm";
import { index, integer, json, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { MILESTONE_STATUSES } from "../../lib/domain/status";
import type { Evidence } from "../schema/evidence";
import { HISTORY_KINDS } from "../schema/status-history";
import { emptyJsonArray, isoNow } from "./columns";
import { milestones } from "./milestones";

/**
 * The PostgreSQL mirror of db/schema/status-history.ts. Append-only here too: triggers in the
 * migration drizzle/postgres/0001 refuse UPDATE and DELETE.
 */
export const statusHistory = pgTable(
  "status_history",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => milestones.id),
    fromStatus: text("from_status", { enum: MILESTONE_STATUSES }),
    toStatus: text("to_status", { enum: MILESTONE_STATUSES }).notNull(),
    changedAt: text("changed_at").notNull().default(isoNow),
    kind: text("kind", { enum: HISTORY_KINDS }).notNull().default("status"),
    actor: text("actor").notNull(),
    actorUserId: text("actor_user_id"),
    note: text("note"),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default(emptyJsonArray),
    // json, not jsonb: it keeps the keys in the order the change listed them, as SQLite does.
    changes: json("changes").$type<Record<string, { from: unknown; to: unknown }>>(),
  },
  (table) => [index("status_history_milestone_idx").on(table.milestoneId, table.changedAt), index("status_history_changed_at_idx").on(table.changedAt)],
);

export const statusHistoryRelations = relations(statusHistory, ({ one }) => ({
  milestone: one(milestones, { fields: [statusHistory.milestoneId], references: [milestones.id] }),
}));
