import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/sqlite.ts",
  out: "./drizzle",
  strict: true,
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/ceb.sqlite" },
});
