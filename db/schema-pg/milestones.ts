import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { MILESTONE_STATUSES } from "../../lib/domain/status";
import type { Evidence } from "../schema/evidence";
import { DATE_PRECISIONS } from "../schema/milestones";
import { emptyJsonArray, isoNow } from "./columns";
import { statusHistory } from "./status-history";
import { workstreams } from "./workstreams";

/** The PostgreSQL mirror of db/schema/milestones.ts. */
export const milestones = pgTable(
  "milestones",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
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
    completedPeriodEnd: text("completed_period_end"),
    baselineDate: text("baseline_date"),
    baselinePrecision: text("baseline_precision", { enum: DATE_PRECISIONS }),
    baselinePeriodStart: text("baseline_period_start"),
    baselinePeriodEnd: text("baseline_period_end"),
    sourceParagraph: integer("source_paragraph"),
    sourceFootnote: integer("source_footnote"),
    alsoParagraphs: jsonb("also_paragraphs").$type<number[]>().notNull().default(emptyJsonArray),
    quoteZh: text("quote_zh"),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default(emptyJsonArray),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(isoNow),
    updatedAt: text("updated_at").notNull().default(isoNow),
    removedAt: text("removed_at"),
  },
  (table) => [
    uniqueIndex("milestones_workstream_seed_key_idx").on(table.workstreamId, table.seedKey),
    index("milestones_workstream_period_idx").on(table.workstreamId, table.periodStart),
    index("milestones_workstream_year_status_idx").on(table.workstreamId, table.year, table.status),
    index("milestones_status_idx").on(table.status),
    index("milestones_year_idx").on(table.year),
    index("milestones_period_end_idx").on(table.periodEnd),
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
