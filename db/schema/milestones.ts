import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { MILESTONE_STATUSES } from "../../lib/domain/status";
import type { Evidence } from "./evidence";
import { statusHistory } from "./status-history";
import { workstreams } from "./workstreams";

export const DATE_PRECISIONS = ["year", "month", "day"] as const;

/**
 * A dated step of a workstream. The date keeps the precision of its source: `date` is
 * "2021", "2021-10" or "2021-10-15" and `periodStart`/`periodEnd` are the first and last day
 * that text covers, stored (not computed per query) so filters and ordering can use indexes.
 */
export const milestones = sqliteTable(
  "milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    /** Stable key from the seed file; null for milestones created in the tracker. */
    seedKey: text("seed_key"),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    date: text("date").notNull(),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull(),
    periodStart: text("period_start").notNull(),
    periodEnd: text("period_end").notNull(),
    year: integer("year").notNull(),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull(),
    completedOn: text("completed_on"),
    completedPrecision: text("completed_precision", { enum: DATE_PRECISIONS }),
    /** Last day of the completion period, for ordering completions in time. */
    completedPeriodEnd: text("completed_period_end"),
    /**
     * The first planned date, kept when a milestone is re-planned (set delayed or at risk with a
     * new expected date): `date`/`periodStart`/`periodEnd` then hold the new date and these the
     * baseline, so the slip can be shown and charted. Null while the plan never moved.
     */
    baselineDate: text("baseline_date"),
    baselinePrecision: text("baseline_precision", { enum: DATE_PRECISIONS }),
    baselinePeriodStart: text("baseline_period_start"),
    baselinePeriodEnd: text("baseline_period_end"),
    sourceParagraph: integer("source_paragraph"),
    sourceFootnote: integer("source_footnote"),
    /** Other paragraphs of the source the milestone draws on, e.g. the one that dates it. */
    alsoParagraphs: text("also_paragraphs", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    quoteZh: text("quote_zh"),
    evidence: text("evidence", { mode: "json" })
      .$type<Evidence[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Incremented on every write; a write based on an older version is a conflict. */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Soft removal: the row and its history stay, marked removed. */
    removedAt: text("removed_at"),
  },
  (table) => [
    uniqueIndex("milestones_workstream_seed_key_idx").on(table.workstreamId, table.seedKey),
    index("milestones_workstream_period_idx").on(table.workstreamId, table.periodStart),
    // Per-workstream aggregates under a year/status filter join through this one.
    index("milestones_workstream_year_status_idx").on(table.workstreamId, table.year, table.status),
    index("milestones_status_idx").on(table.status),
    index("milestones_year_idx").on(table.year),
    index("milestones_period_end_idx").on(table.periodEnd),
    // The roadmap's cache is keyed by the latest change; this makes finding it a lookup.
    index("milestones_updated_at_idx").on(table.updatedAt),
    check("milestones_status_check", sql.raw(`status IN (${MILESTONE_STATUSES.map((s) => `'${s}'`).join(", ")})`)),
    check("milestones_date_precision_check", sql`${table.datePrecision} IN ('year', 'month', 'day')`),
    check("milestones_version_check", sql`${table.version} >= 1`),
  ],
);

export const milestonesRelations = relations(milestones, ({ one, many }) => ({
  workstream: one(workstreams, { fields: [milestones.workstreamId], references: [workstreams.id] }),
  history: many(statusHistory),
}));

export type Milestone = typeof milestones.$inferSelect;
export type NewMilestone = typeof milestones.$inferInsert;
