import { relations, sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { INGEST_FORMATS, INGEST_LANGS, PROPOSAL_STATES } from "../schema/ingest";
import { isoNow } from "./columns";
import { milestones } from "./milestones";

/** The PostgreSQL mirror of db/schema/ingest.ts. */

export const ingestedDocuments = pgTable(
  "ingested_documents",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    symbol: text("symbol").notNull(),
    lang: text("lang", { enum: INGEST_LANGS }).notNull(),
    year: integer("year").notNull(),
    filename: text("filename").notNull(),
    format: text("format", { enum: INGEST_FORMATS }).notNull(),
    paragraphs: jsonb("paragraphs").$type<{ number: number; text: string; headings: string[] }[]>().notNull(),
    footnotes: jsonb("footnotes").$type<{ number: number; text: string }[]>().notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: text("uploaded_at").notNull().default(isoNow),
  },
  (table) => [uniqueIndex("ingested_documents_symbol_lang_idx").on(table.symbol, table.lang)],
);

export const ingestProposals = pgTable(
  "ingest_proposals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    documentId: integer("document_id")
      .notNull()
      .references(() => ingestedDocuments.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: text("kind", { enum: ["workstream", "milestone", "status-change", "silent-commitment"] }).notNull(),
    workstreamSlug: text("workstream_slug"),
    proposedWorkstreamKey: text("proposed_workstream_key"),
    paragraph: integer("paragraph"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: text("state", { enum: PROPOSAL_STATES }).notNull().default("pending"),
    reason: text("reason"),
    decidedBy: text("decided_by"),
    decidedAt: text("decided_at"),
    milestoneId: integer("milestone_id").references(() => milestones.id),
    createdWorkstreamSlug: text("created_workstream_slug"),
    position: integer("position").notNull().default(0),
  },
  (table) => [
    uniqueIndex("ingest_proposals_document_key_idx").on(table.documentId, table.key),
    index("ingest_proposals_key_state_idx").on(table.key, table.state),
    check("ingest_proposals_state_check", sql`${table.state} IN ('pending', 'accepted', 'rejected')`),
  ],
);

export const ingestedDocumentsRelations = relations(ingestedDocuments, ({ many }) => ({ proposals: many(ingestProposals) }));
export const ingestProposalsRelations = relations(ingestProposals, ({ one }) => ({
  document: one(ingestedDocuments, { fields: [ingestProposals.documentId], references: [ingestedDocuments.id] }),
}));
