import { createHash } from "node:crypto";
import fs from "node:fs";
import Database from "better-sqlite3";
import { count, getTableColumns, getTableName, is, type SQL, sql, Table } from "drizzle-orm";
import { type BetterSQLite3Database, drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import type { PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import type { TableFingerprint } from "./fingerprint";
import type { PostgresDatabase } from "./postgres";
import * as sqliteSchema from "./schema/sqlite";
import * as pgSchema from "./schema-pg";

/** Tables the search triggers fill from the others: emptied with them, never copied. */
const DERIVED_TABLES = ["workstream_search", "milestone_search"];

export const DEFAULT_BATCH_SIZE = 500;

export type SqliteSource = BetterSQLite3Database<typeof sqliteSchema> & { $client: Database.Database };
type PostgresTransaction = Parameters<Parameters<PostgresDatabase["transaction"]>[0]>[0];
type PostgresReader = PostgresDatabase | PostgresTransaction;

type TablePair = {
  name: string;
  sqlite: SQLiteTable;
  pg: PgTable;
  /** Property names of the primary key's columns (drizzle rows are keyed by property). */
  primaryKey: string[];
  /** Property names of a foreign key to the table itself (bodies.parentCode → bodies.code). */
  selfReference?: { from: string; to: string };
  hasIdentity: boolean;
};

const propertyOf = (table: Table, columnName: string) => Object.entries(getTableColumns(table)).find(([, column]) => column.name === columnName)![0];

/** Every table, parents before the tables whose foreign keys point at them. */
export function tablesInForeignKeyOrder(): TablePair[] {
  const pgTables = new Map(
    (Object.values(pgSchema) as unknown[]).filter((value): value is PgTable => is(value, Table)).map((table) => [getTableName(table), table]),
  );
  const pending = (Object.values(sqliteSchema) as unknown[])
    .filter((value): value is SQLiteTable => is(value, Table))
    .map((table) => {
      const name = getTableName(table);
      const pg = pgTables.get(name);
      if (!pg) throw new Error(`db/schema-pg has no table ${name}`);
      const config = getSqliteTableConfig(table);
      const keyColumns = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary);
      const references = config.foreignKeys.map((key) => key.reference());
      const self = references.find((reference) => getTableName(reference.foreignTable) === name);
      const pair: TablePair = {
        name,
        sqlite: table,
        pg,
        primaryKey: keyColumns.map((column) => propertyOf(table, column.name)),
        selfReference: self ? { from: propertyOf(table, self.columns[0]!.name), to: propertyOf(table, self.foreignColumns[0]!.name) } : undefined,
        hasIdentity: config.columns.some((column) => (column as { autoIncrement?: boolean }).autoIncrement),
      };
      return { pair, parents: references.map((reference) => getTableName(reference.foreignTable)).filter((parent) => parent !== name) };
    })
    .sort((a, b) => a.pair.name.localeCompare(b.pair.name));
  const ordered: TablePair[] = [];
  while (pending.length) {
    const next = pending.findIndex(({ parents }) => parents.every((parent) => ordered.some((done) => done.name === parent)));
    if (next < 0) throw new Error(`Foreign keys form a cycle among ${pending.map(({ pair }) => pair.name).join(", ")}`);
    ordered.push(pending.splice(next, 1)[0]!.pair);
  }
  return ordered;
}

/** A value as both databases give it back alike: dates in ISO 8601, JSON objects with sorted keys (jsonb reorders them). */
function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, normalize((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Primary-key order, by bytes on both sides: PostgreSQL text with COLLATE "C", as SQLite's BINARY. */
function primaryKeyOrder(table: Table, primaryKey: string[], dialect: "sqlite" | "pg"): SQL[] {
  const columns = getTableColumns(table);
  return primaryKey.map((property) => {
    const column = columns[property]!;
    return dialect === "pg" && column.dataType === "string" ? sql`${column} collate "C"` : sql`${column}`;
  });
}

type Row = Record<string, unknown>;

/** Rows of a SQLite table in primary-key order, a batch at a time. */
function sqliteBatch(source: SqliteSource, pair: TablePair, offset: number, size: number): Row[] {
  return source
    .select()
    .from(pair.sqlite)
    .orderBy(...primaryKeyOrder(pair.sqlite, pair.primaryKey, "sqlite"))
    .limit(size)
    .offset(offset)
    .all();
}

async function postgresBatch(target: PostgresReader, pair: TablePair, offset: number, size: number): Promise<Row[]> {
  return target
    .select()
    .from(pair.pg)
    .orderBy(...primaryKeyOrder(pair.pg, pair.primaryKey, "pg"))
    .limit(size)
    .offset(offset);
}

/** The row count and a SHA-256 of a table's rows, read a batch at a time; `ignored` names columns (in SQL) to leave out. */
async function fingerprint(pair: TablePair, read: (offset: number) => Row[] | Promise<Row[]>, ignored: string[] = []): Promise<TableFingerprint> {
  const properties = Object.entries(getTableColumns(pair.sqlite))
    .filter(([, column]) => !ignored.includes(column.name))
    .map(([property]) => property);
  const hash = createHash("sha256");
  let rows = 0;
  for (let offset = 0; ; offset += DEFAULT_BATCH_SIZE) {
    const batch = await read(offset);
    for (const row of batch) hash.update(JSON.stringify(properties.map((property) => normalize(row[property])))).update("\n");
    rows += batch.length;
    if (batch.length < DEFAULT_BATCH_SIZE) return { rows, sha256: hash.digest("hex") };
  }
}

export type TableCheck = { table: string; sqliteRows: number; postgresRows: number; sqliteSha256: string; postgresSha256: string; ok: boolean };

/**
 * Per table, the row count and a SHA-256 of its rows (in primary-key order, every value
 * normalized the same way) in both databases. `target` may be a transaction.
 */
export async function compareDatabases(source: SqliteSource, target: PostgresReader): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const pair of tablesInForeignKeyOrder()) {
    const fromSqlite = await fingerprint(pair, (offset) => sqliteBatch(source, pair, offset, DEFAULT_BATCH_SIZE));
    const fromPostgres = await fingerprint(pair, (offset) => postgresBatch(target, pair, offset, DEFAULT_BATCH_SIZE));
    checks.push({
      table: pair.name,
      sqliteRows: fromSqlite.rows,
      postgresRows: fromPostgres.rows,
      sqliteSha256: fromSqlite.sha256,
      postgresSha256: fromPostgres.sha256,
      ok: fromSqlite.rows === fromPostgres.rows && fromSqlite.sha256 === fromPostgres.sha256,
    });
  }
  return checks;
}

/**
 * Every table's row count and SHA-256 in a PostgreSQL database, hashed as compareDatabases hashes
 * them, read in one repeatable-read transaction so that they describe one moment. `ignore` leaves
 * out columns or whole tables, as tableFingerprints does on SQLite (db/fingerprint.ts).
 */
export async function postgresTableFingerprints(
  target: PostgresDatabase,
  ignore: Record<string, string[] | "*"> = {},
): Promise<Record<string, TableFingerprint>> {
  return target.transaction(
    async (tx) => {
      const result: Record<string, TableFingerprint> = {};
      for (const pair of tablesInForeignKeyOrder()) {
        const skip = ignore[pair.name];
        if (skip === "*") continue;
        result[pair.name] = await fingerprint(pair, (offset) => postgresBatch(tx, pair, offset, DEFAULT_BATCH_SIZE), skip);
      }
      return result;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Opens a SQLite file read-only: copying never changes its source. */
export function openSqliteSource(file: string): SqliteSource {
  if (!fs.existsSync(file)) throw new Error(`No SQLite database at ${file}`);
  const client = new Database(file, { readonly: true, fileMustExist: true });
  return drizzleSqlite({ client, schema: sqliteSchema }) as SqliteSource;
}

/** Tables of the target that hold rows, with their counts. */
export async function nonEmptyTables(target: PostgresDatabase): Promise<{ table: string; rows: number }[]> {
  const found: { table: string; rows: number }[] = [];
  for (const pair of tablesInForeignKeyOrder()) {
    const [row] = await target.select({ rows: count() }).from(pair.pg);
    if (row && row.rows > 0) found.push({ table: pair.name, rows: row.rows });
  }
  return found;
}

export class CopyMismatchError extends Error {
  constructor(readonly checks: TableCheck[]) {
    super(
      `The copy differs from its source in ${checks
        .filter((check) => !check.ok)
        .map((check) => check.table)
        .join(", ")}; nothing was written`,
    );
  }
}

/** Orders a self-referencing table's rows so that each comes after the row it points at. */
function parentsFirst(rows: Row[], reference: { from: string; to: string }): Row[] {
  const byKey = new Map(rows.map((row) => [row[reference.to], row]));
  const depth = (row: Row, seen = 0): number => {
    const parent = row[reference.from] == null ? undefined : byKey.get(row[reference.from]);
    return parent && seen < rows.length ? 1 + depth(parent, seen + 1) : 0;
  };
  return rows
    .map((row) => ({ row, depth: depth(row) }))
    .sort((a, b) => a.depth - b.depth)
    .map(({ row }) => row);
}

export type CopyOptions = { replace?: boolean; batchSize?: number; log?: (line: string) => void };

/**
 * Copies every table of a migrated SQLite database into a migrated PostgreSQL one, in foreign-key
 * order and batches, inside one PostgreSQL transaction: ids kept, identity sequences moved past
 * them, then every table compared (counts and hashes) before the commit. Refuses a target that
 * holds rows unless `replace`; on any difference nothing is written (CopyMismatchError).
 */
export async function copySqliteToPostgres(source: SqliteSource, target: PostgresDatabase, options: CopyOptions = {}): Promise<TableCheck[]> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const log = options.log ?? (() => {});
  const tables = tablesInForeignKeyOrder();
  if (!options.replace) {
    const occupied = await nonEmptyTables(target);
    if (occupied.length) {
      throw new Error(
        `The target database is not empty (${occupied.map(({ table, rows }) => `${table}: ${rows}`).join(", ")}). Pass --replace to empty it first.`,
      );
    }
  }
  return target.transaction(async (tx) => {
    if (options.replace) {
      const names = [...tables.map((pair) => pair.name), ...DERIVED_TABLES].map((name) => `"${name}"`).join(", ");
      // History refuses TRUNCATE (append-only); replacing the whole database is the one
      // exception, inside this transaction: the trigger is back before anyone else sees it.
      await tx.execute(sql`alter table status_history disable trigger status_history_no_truncate`);
      await tx.execute(sql.raw(`truncate ${names} restart identity`));
      await tx.execute(sql`alter table status_history enable trigger status_history_no_truncate`);
    }
    for (const pair of tables) {
      const started = Date.now();
      let copied = 0;
      // A table that points at itself is read whole (bodies: a few dozen rows) and put parents first.
      const batches = pair.selfReference
        ? [parentsFirst(sqliteBatch(source, pair, 0, Number.MAX_SAFE_INTEGER), pair.selfReference)]
        : (function* () {
            for (let offset = 0; ; offset += batchSize) {
              const batch = sqliteBatch(source, pair, offset, batchSize);
              yield batch;
              if (batch.length < batchSize) return;
            }
          })();
      for (const rows of batches) {
        for (let start = 0; start < rows.length; start += batchSize) {
          await tx.insert(pair.pg).values(rows.slice(start, start + batchSize) as never);
        }
        copied += rows.length;
      }
      if (pair.hasIdentity) {
        // Identity columns do not see ids written explicitly: the next id follows the largest copied.
        await tx.execute(
          sql.raw(`select setval(pg_get_serial_sequence('"${pair.name}"', 'id'), coalesce((select max(id) from "${pair.name}"), 0) + 1, false)`),
        );
      }
      log(`${pair.name}: ${copied} rows in ${Date.now() - started} ms`);
    }
    const checks = await compareDatabases(source, tx);
    if (checks.some((check) => !check.ok)) throw new CopyMismatchError(checks);
    return checks;
  });
}

/** The checks as a table for the terminal. */
export function formatChecks(checks: TableCheck[]): string {
  const header = ["table", "sqlite rows", "postgres rows", "sqlite sha256", "postgres sha256", ""];
  const lines = checks.map((check) => [
    check.table,
    String(check.sqliteRows),
    String(check.postgresRows),
    check.sqliteSha256.slice(0, 16),
    check.postgresSha256.slice(0, 16),
    check.ok ? "ok" : "MISMATCH",
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => line[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [format(header), format(widths.map((width) => "-".repeat(width))), ...lines.map(format)].join("\n");
}
