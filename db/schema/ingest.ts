import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { milestones } from "./milestones";

export const INGEST_FORMATS = ["txt", "pdf", "docx"] as const;
export const INGEST_LANGS = ["zh", "en"] as const;
export const PROPOSAL_STATES = ["pending", "accepted", "rejected"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * A report uploaded for reading (one row per symbol and language; re-ingesting replaces its
 * text). Its numbered paragraphs are kept so each proposal can be reviewed beside its paragraph.
 */
export const ingestedDocuments = sqliteTable(
  "ingested_documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    symbol: text("symbol").notNull(),
    lang: text("lang", { enum: INGEST_LANGS }).notNull(),
    /** The year the report covers. */
    year: integer("year").notNull(),
    filename: text("filename").notNull(),
    format: text("format", { enum: INGEST_FORMATS }).notNull(),
    paragraphs: text("paragraphs", { mode: "json" }).$type<{ number: number; text: string; headings: string[] }[]>().notNull(),
    footnotes: text("footnotes", { mode: "json" }).$type<{ number: number; text: string }[]>().notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    uploadedAt: text("uploaded_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (table) => [uniqueIndex("ingested_documents_symbol_lang_idx").on(table.symbol, table.lang)],
);

/**
 * What the reading proposed, waiting for a person: accepted (then written through the
 * milestone and workstream commands) or rejected with a reason. `key` fingerprints the proposal
 * so that re-ingesting never proposes a decided one again.
 */
export const ingestProposals = sqliteTable(
  "ingest_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    documentId: integer("document_id")
      .notNull()
      .references(() => ingestedDocuments.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: text("kind", { enum: ["workstream", "milestone", "status-change", "silent-commitment"] }).notNull(),
    /** The existing workstream concerned, or the key of the proposed one. */
    workstreamSlug: text("workstream_slug"),
    proposedWorkstreamKey: text("proposed_workstream_key"),
    paragraph: integer("paragraph"),
    /** The whole proposal as the pipeline made it (lib/ingest/propose.ts `Proposal`). */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    state: text("state", { enum: PROPOSAL_STATES }).notNull().default("pending"),
    reason: text("reason"),
    decidedBy: text("decided_by"),
    decidedAt: text("decided_at"),
    /** The milestone written (or changed) when accepted. */
    milestoneId: integer("milestone_id").references(() => milestones.id),
    /** The workstream created when a workstream proposal was accepted. */
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

export type IngestedDocument = typeof ingestedDocuments.$inferSelect;
export type IngestProposalRow = typeof ingestProposals.$inferSelect;
