import { relations } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { Evidence } from "../schema/evidence";
import { bodies } from "./bodies";
import { emptyJsonArray, isoNow } from "./columns";
import { milestones } from "./milestones";

/** The PostgreSQL mirror of db/schema/workstreams.ts. */
export const workstreams = pgTable(
  "workstreams",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    slug: text("slug").notNull().unique(),
    nameEn: text("name_en").notNull(),
    nameZh: text("name_zh").notNull(),
    bodyCode: text("body_code")
      .notNull()
      .references(() => bodies.code),
    leads: jsonb("leads").$type<string[]>().notNull().default(emptyJsonArray),
    summaryEn: text("summary_en").notNull(),
    summaryZh: text("summary_zh").notNull(),
    paragraphs: jsonb("paragraphs").$type<number[]>().notNull().default(emptyJsonArray),
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default(emptyJsonArray),
    position: integer("position").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull().default(isoNow),
    updatedAt: text("updated_at").notNull().default(isoNow),
  },
  (table) => [index("workstreams_body_code_idx").on(table.bodyCode), index("workstreams_position_idx").on(table.position, table.nameEn)],
);

export const workstreamsRelations = relations(workstreams, ({ one, many }) => ({
  body: one(bodies, { fields: [workstreams.bodyCode], references: [bodies.code] }),
  milestones: many(milestones),
}));
