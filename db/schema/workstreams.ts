import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bodies } from "./bodies";
import { milestones } from "./milestones";
import type { Evidence } from "./evidence";

export const workstreams = sqliteTable(
  "workstreams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    bodyCode: text("body_code")
      .notNull()
      .references(() => bodies.code),
    /** Lead entities by abbreviation, e.g. ["UNESCO", "ITU"]. */
    leads: text("leads", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    summaryEn: text("summary_en").notNull(),
    summaryZh: text("summary_zh").notNull(),
    /** Paragraphs of the source report (E/2022/13) the workstream draws on. */
    paragraphs: text("paragraphs", { mode: "json" })
      .$type<number[]>()
      .notNull()
      .default(sql`'[]'`),
    evidence: text("evidence", { mode: "json" })
      .$type<Evidence[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Order of appearance: the report's order for seeded workstreams. */
    position: integer("position").notNull().default(0),
    /** Incremented on every change; a change based on an older version is a conflict (409). */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [index("workstreams_body_code_idx").on(table.bodyCode), index("workstreams_position_idx").on(table.position, table.nameEn)],
);

export const workstreamsRelations = relations(workstreams, ({ one, many }) => ({
  body: one(bodies, { fields: [workstreams.bodyCode], references: [bodies.code] }),
  milestones: many(milestones),
}));

export type Workstream = typeof workstreams.$inferSelect;
export type NewWorkstream = typeof workstreams.$inferInsert;
