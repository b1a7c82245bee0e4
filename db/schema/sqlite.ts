/**
 * The SQLite tables (the embedded default). Code that runs on either database imports
 * `@/db/schema`, which hands out the tables of the database this process uses.
 */
export * from "./access";
export * from "./auth";
export * from "./bodies";
export * from "./evidence";
export * from "./ingest";
export * from "./milestones";
export * from "./status-history";
export * from "./translations";
export * from "./workstreams";
export * from "./watches";
