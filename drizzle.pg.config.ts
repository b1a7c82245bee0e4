import { defineConfig } from "drizzle-kit";

/** The PostgreSQL migrations, generated from db/schema-pg beside the SQLite ones (ADR 020). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./drizzle/postgres",
  strict: true,
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/ceb" },
});
