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
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    const result: Record<string, TableFingerprint> = {};
    for (const { name } of tables) {
      const skip = ignore[name];
      if (skip === "*") continue;
      const hash = createHash("sha256");
      let rows = 0;
      for (const row of sqlite.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}" ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
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
