import { databaseDialect } from "../dialect";
import * as postgres from "../schema-pg";
import * as sqlite from "./sqlite";

/**
 * The tables of the database this process runs on (db/dialect.ts). Queries and commands are
 * written once against these names; on PostgreSQL they are the mirrors in db/schema-pg, which
 * tests/unit/schema-parity.test.ts keeps equal in columns and in their TypeScript types, so the
 * SQLite types below describe both. Enums, JSON shapes and row types come from the SQLite files.
 */
export * from "./sqlite";

const tables: typeof sqlite = databaseDialect() === "postgres" ? (postgres as unknown as typeof sqlite) : sqlite;

export const accounts = tables.accounts;
export const apiTokens = tables.apiTokens;
export const bodies = tables.bodies;
export const bodiesRelations = tables.bodiesRelations;
export const ingestProposals = tables.ingestProposals;
export const ingestProposalsRelations = tables.ingestProposalsRelations;
export const ingestedDocuments = tables.ingestedDocuments;
export const ingestedDocumentsRelations = tables.ingestedDocumentsRelations;
export const loginThrottle = tables.loginThrottle;
export const milestoneTranslations = tables.milestoneTranslations;
export const milestoneTranslationsRelations = tables.milestoneTranslationsRelations;
export const milestones = tables.milestones;
export const milestonesRelations = tables.milestonesRelations;
export const sessions = tables.sessions;
export const statusHistory = tables.statusHistory;
export const statusHistoryRelations = tables.statusHistoryRelations;
export const users = tables.users;
export const usersRelations = tables.usersRelations;
export const verifications = tables.verifications;
export const workstreamAssignments = tables.workstreamAssignments;
export const workstreamTranslations = tables.workstreamTranslations;
export const workstreamTranslationsRelations = tables.workstreamTranslationsRelations;
export const workstreamWatches = tables.workstreamWatches;
export const workstreams = tables.workstreams;
export const workstreamsRelations = tables.workstreamsRelations;
