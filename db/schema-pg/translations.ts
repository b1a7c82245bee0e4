import { relations, sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { TRANSLATION_LOCALES } from "../../i18n/locales";
import { isoNow } from "./columns";
import { milestones } from "./milestones";
import { workstreams } from "./workstreams";

/** The PostgreSQL mirror of db/schema/translations.ts. */
const localeCheck = (name: string) => check(name, sql.raw(`locale IN (${TRANSLATION_LOCALES.map((l) => `'${l}'`).join(", ")})`));

export const milestoneTranslations = pgTable(
  "milestone_translations",
  {
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: TRANSLATION_LOCALES }).notNull(),
    title: text("title").notNull(),
    updatedAt: text("updated_at").notNull().default(isoNow),
    updatedBy: text("updated_by"),
  },
  (table) => [
    primaryKey({ columns: [table.milestoneId, table.locale] }),
    localeCheck("milestone_translations_locale_check"),
    check("milestone_translations_title_check", sql`length(${table.title}) > 0`),
  ],
);

export const workstreamTranslations = pgTable(
  "workstream_translations",
  {
    workstreamId: integer("workstream_id")
      .notNull()
      .references(() => workstreams.id, { onDelete: "cascade" }),
    locale: text("locale", { enum: TRANSLATION_LOCALES }).notNull(),
    name: text("name"),
    summary: text("summary"),
    updatedAt: text("updated_at").notNull().default(isoNow),
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
