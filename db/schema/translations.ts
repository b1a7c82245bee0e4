import { relations, sql } from "drizzle-orm";
import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { TRANSLATION_LOCALES } from "../../i18n/locales";
import { milestones } from "./milestones";
import { workstreams } from "./workstreams";

/**
 * Content in the languages the report does not give (Arabic, French, Russian, Spanish), one row
 * per item and language. English and Chinese stay columns of their own tables; where a row is
 * missing the pages show English, marked as not translated.
 */
const localeCheck = (name: string) => check(name, sql.raw(`locale IN (${TRANSLATION_LOCALES.map((l) => `'${l}'`).join(", ")})`));

export const milestoneTranslations = sqliteTable(
  "milestone_translations",
  {
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: TRANSLATION_LOCALES }).notNull(),
    title: text("title").notNull(),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Who wrote this version, as the history shows them ("Name <email>"). */
    updatedBy: text("updated_by"),
  },
  (table) => [
    primaryKey({ columns: [table.milestoneId, table.locale] }),
    localeCheck("milestone_translations_locale_check"),
    // Removing a translation deletes its row; an empty title is never stored.
    check("milestone_translations_title_check", sql`length(${table.title}) > 0`),
  ],
);

export const workstreamTranslations = sqliteTable(
  "workstream_translations",
  {
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: TRANSLATION_LOCALES }).notNull(),
    name: text("name"),
    summary: text("summary"),
    updatedAt: text("updated_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [
    primaryKey({ columns: [table.workstreamId, table.locale] }),
    localeCheck("workstream_translations_locale_check"),
    check("workstream_translations_content_check", sql`${table.name} IS NOT NULL OR ${table.summary} IS NOT NULL`),
  ],
);

export const milestoneTranslationsRelations = relations(milestoneTranslations, ({ one }) => ({
  milestone: one(milestones, { fields: [milestoneTranslations.milestoneId], references: [milestones.id] }),
}));

export const workstreamTranslationsRelations = relations(workstreamTranslations, ({ one }) => ({
  workstream: one(workstreams, { fields: [workstreamTranslations.workstreamId], references: [workstreams.id] }),
}));

export type MilestoneTranslation = typeof milestoneTranslations.$inferSelect;
export type NewMilestoneTranslation = typeof milestoneTranslations.$inferInsert;
export type WorkstreamTranslation = typeof workstreamTranslations.$inferSelect;
export type NewWorkstreamTranslation = typeof workstreamTranslations.$inferInsert;
