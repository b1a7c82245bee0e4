import { relations, sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Accounts and sessions, in the shape better-auth's Drizzle adapter expects (its models
 * user, session, account, verification), kept in our own migrations.
 */

export const USER_ROLES = ["viewer", "editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const stampedAt = (name: "created_at" | "updated_at") =>
  timestamp(name)
    .notNull()
    .default(sql`(cast(unixepoch('subsecond') * 1000 as integer))`);

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: USER_ROLES }).notNull().default("viewer"),
  /** Editors: true to edit every workstream, false to edit only those assigned to them. */
  allWorkstreams: integer("all_workstreams", { mode: "boolean" }).notNull().default(false),
  /** Created by `npm start` for trying the tracker out; a real deployment (DEMO=0) has none. */
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at").notNull(),
    token: text("token").notNull().unique(),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at"),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at"),
    scope: text("scope"),
    /** Password hash (scrypt, by better-auth); never the password. */
    password: text("password"),
    createdAt: stampedAt("created_at"),
    updatedAt: stampedAt("updated_at"),
  },
  (table) => [index("accounts_user_idx").on(table.userId)],
);

export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
  createdAt: stampedAt("created_at"),
  updatedAt: stampedAt("updated_at"),
});

export const usersRelations = relations(users, ({ many }) => ({
  sessions: many(sessions),
  accounts: many(accounts),
}));

export type User = typeof users.$inferSelect;
