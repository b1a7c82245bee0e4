import { relations } from "drizzle-orm";
import { type AnyPgColumn, integer, pgTable, text } from "drizzle-orm/pg-core";
import { workstreams } from "./workstreams";

/** The PostgreSQL mirror of db/schema/bodies.ts. */
export const bodies = pgTable("bodies", {
  code: text("code").primaryKey(),
  shortNameEn: text("short_name_en").notNull(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
  parentCode: text("parent_code").references((): AnyPgColumn => bodies.code),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const bodiesRelations = relations(bodies, ({ many, one }) => ({
  workstreams: many(workstreams),
  parent: one(bodies, { fields: [bodies.parentCode], references: [bodies.code] }),
}));
