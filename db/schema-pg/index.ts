/**
 * The PostgreSQL tables: one mirror of each table in db/schema, same names, columns,
 * constraints and inferred TypeScript types (tests/unit/schema-parity.test.ts keeps them in
 * lockstep). Enums, JSON shapes and row types are taken from db/schema, their one home.
 */
export * from "./access";
export * from "./auth";
export * from "./bodies";
export * from "./ingest";
export * from "./milestones";
export * from "./status-history";
export * from "./translations";
export * from "./workstreams";
export * from "./watches";
