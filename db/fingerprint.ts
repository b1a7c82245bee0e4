import { createHash } from "node:crypto";
import type Database from "better-sqlite3";

export type TableFingerprint = { rows: number; sha256: string };

/**
 * Every table's row count and a SHA-256 of its rows (in rowid order), read in one transaction so
 * that they describe one moment. Two databases with the same fingerprints hold the same data.
 * `ignore` leaves out columns that change on reads (a token's `last_used_at`) or whole tables
 * (`"login_throttle": "*"`).
 */
export function tableFingerprints(sqlite: Database.Database, ignore: Record<string, string[] | "*"> = {}): Record<string, TableFingerprint> {
  const read = sqlite.transaction(() => {
    const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
      sql: string | null;
    }[];
    // A full-text index (a virtual table and its shadow tables) is derived from the other tables
    // by triggers: it is rebuilt with them, so it is not data of its own.
    const indexes = tables.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? "")).map((table) => table.name);
    const derived = (name: string) => indexes.some((index) => name === index || name.startsWith(`${index}_`));
    const result: Record<string, TableFingerprint> = {};
    for (const { name, sql } of tables) {
      const skip = ignore[name];
      if (skip === "*" || derived(name)) continue;
      const hash = createHash("sha256");
      let rows = 0;
      const quoted = `"${name.replaceAll('"', '""')}"`;
      // Tables WITHOUT ROWID have no rowid; their primary key orders them (ORDER BY every column).
      const columns = (sqlite.prepare(`SELECT * FROM ${quoted} LIMIT 0`).columns() as { name: string }[]).map((_, i) => i + 1);
      const order = /WITHOUT\s+ROWID/i.test(sql ?? "") ? columns.join(", ") : "rowid";
      for (const row of sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
        const kept = skip ? Object.fromEntries(Object.entries(row).filter(([column]) => !skip.includes(column))) : row;
        hash.update(JSON.stringify(kept, (_key, value) => (Buffer.isBuffer(value) ? value.toString("base64") : value))).update("\n");
        rows++;
      }
      result[name] = { rows, sha256: hash.digest("hex") };
    }
    return result;
  });
  return read();
}

/** `PRAGMA integrity_check` and `foreign_key_check`: "ok", or what is wrong. */
export function integrityProblems(sqlite: Database.Database): string[] {
  const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
  const foreignKeys = sqlite.pragma("foreign_key_check") as unknown[];
  return [...(integrity.length === 1 && integrity[0] === "ok" ? [] : integrity), ...foreignKeys.map((row) => `foreign key: ${JSON.stringify(row)}`)];
}
