import { relations } from "drizzle-orm";
import { type AnySQLiteColumn, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workstreams } from "./workstreams";

/** CEB and its subsidiary bodies (HLCP, HLCM and their networks) that workstreams report to. */
export const bodies = sqliteTable("bodies", {
  code: text("code").primaryKey(),
  /** The name people use day to day: "HLCM", "HR Network". */
  shortNameEn: text("short_name_en").notNull(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
  parentCode: text("parent_code").references((): AnySQLiteColumn => bodies.code),
  sortOrder: integer("sort_order").notNull().default(0),
});

export const bodiesRelations = relations(bodies, ({ many, one }) => ({
  workstreams: many(workstreams),
  parent: one(bodies, { fields: [bodies.parentCode], references: [bodies.code] }),
}));

export type Body = typeof bodies.$inferSelect;
export type NewBody = typeof bodies.$inferInsert;
