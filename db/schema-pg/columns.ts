import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

/**
 * Defaults that write what SQLite writes, so a row reads the same on either database: text
 * stamps in ISO 8601 UTC with milliseconds (SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now')).
 */
export const isoNow = sql`(to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`;

/** An empty JSON array, the default of list columns. */
export const emptyJsonArray = sql`'[]'::jsonb`;

/**
 * The better-auth stamps, which SQLite keeps as epoch milliseconds read as Date
 * (integer mode "timestamp_ms"); timestamptz keeps the same instant to the microsecond.
 */
export const instant = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
