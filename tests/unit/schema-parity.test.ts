/**
 * The PostgreSQL tables (db/schema-pg) mirror the SQLite ones (db/schema) column for column: same
 * tables, columns in the same order, nullability, keys, defaults, unique constraints, indexes,
 * foreign keys and checks, with each SQLite column type mapped to one PostgreSQL type below. The
 * inferred row types are compared too, so queries written once type-check on both databases.
 */
import { type Column, getTableName, is, SQL, Table } from "drizzle-orm";
import { getTableConfig as getPgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as sqlite from "@/db/schema/sqlite";
import * as pg from "@/db/schema-pg";

/** Each SQLite column type and the PostgreSQL type that reads back the same JavaScript value. */
const TYPE_MAPPING: Record<string, string> = {
  SQLiteText: "PgText",
  SQLiteInteger: "PgInteger",
  SQLiteBoolean: "PgBoolean",
  SQLiteTimestamp: "PgTimestamp",
  SQLiteTextJson: "PgJsonb",
};

/** Integer columns holding epoch milliseconds, past int4: bigint read as a number. */
const WIDER: Record<string, string> = {
  "login_throttle.window_started_at": "PgBigInt53",
  "login_throttle.locked_until": "PgBigInt53",
};

/** JSON kept as written, for its key order: a history entry lists its changed fields in the order they were made. */
const ORDERED_JSON: Record<string, string> = {
  "status_history.changes": "PgJson",
};

const tablesOf = <T extends Table>(module: Record<string, unknown>) =>
  new Map(
    Object.values(module)
      .filter((value): value is T => is(value, Table))
      .map((table) => [getTableName(table), table]),
  );

const sqliteTables = tablesOf<SQLiteTable>(sqlite);
const pgTables = tablesOf<PgTable>(pg);
const tableNames = [...sqliteTables.keys()].sort();

/** A literal default is compared by value; an SQL default (now(), '[]') only by being there. */
const defaultOf = (column: Column) => (!column.hasDefault ? "none" : is(column.default, SQL) ? "sql" : JSON.stringify(column.default));

/** What both dialects can say about a column, in the same words. */
function describeColumn(table: string, column: Column, dialect: "sqlite" | "pg") {
  const type =
    dialect === "sqlite"
      ? (WIDER[`${table}.${column.name}`] ?? ORDERED_JSON[`${table}.${column.name}`] ?? TYPE_MAPPING[column.columnType] ?? `unmapped ${column.columnType}`)
      : column.columnType;
  const generatedId =
    dialect === "sqlite"
      ? Boolean((column as Column & { autoIncrement?: boolean }).autoIncrement)
      : (column as Column & { generatedIdentity?: unknown }).generatedIdentity !== undefined;
  return {
    name: column.name,
    type,
    dataType: column.dataType,
    notNull: column.notNull,
    primary: column.primary,
    generatedId,
    default: defaultOf(column),
    unique: column.isUnique ? column.uniqueName : null,
    enumValues: column.enumValues ?? null,
  };
}

type Config = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

/** Everything but the columns, dialect-free: names, column lists, targets and actions. */
function describeConstraints(config: Config) {
  const byName = <T extends { name: string }>(items: T[]) => items.sort((a, b) => a.name.localeCompare(b.name));
  return {
    primaryKeys: config.primaryKeys.map((key) => ({ name: key.getName(), columns: key.columns.map((column) => column.name) })),
    uniqueConstraints: byName(
      config.uniqueConstraints.map((unique) => ({ name: unique.getName() ?? "", columns: unique.columns.map((column) => column.name) })),
    ),
    indexes: byName(
      config.indexes.map((index) => ({
        name: index.config.name ?? "",
        unique: index.config.unique,
        columns: (index.config.columns as { name?: string }[]).map((column) => column.name ?? "expression"),
      })),
    ),
    foreignKeys: byName(
      config.foreignKeys.map((key) => {
        const reference = key.reference();
        return {
          name: key.getName(),
          columns: reference.columns.map((column) => column.name),
          foreignTable: getTableName(reference.foreignTable),
          foreignColumns: reference.foreignColumns.map((column) => column.name),
          onDelete: key.onDelete ?? "no action",
          onUpdate: key.onUpdate ?? "no action",
        };
      }),
    ),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

describe("the PostgreSQL schema mirrors the SQLite schema", () => {
  it("has the same tables", () => {
    expect([...pgTables.keys()].sort()).toEqual(tableNames);
  });

  it("maps every SQLite column type it meets", () => {
    const unmapped = [...sqliteTables.values()].flatMap((table) =>
      getSqliteTableConfig(table)
        .columns.filter((column) => !TYPE_MAPPING[column.columnType])
        .map((column) => `${getTableName(table)}.${column.name}: ${column.columnType}`),
    );
    expect(unmapped).toEqual([]);
  });

  describe.each(tableNames)("%s", (name) => {
    const sqliteConfig = getSqliteTableConfig(sqliteTables.get(name)!);
    const pgTable = pgTables.get(name);

    it("has the same columns in the same order, with mapped types, nullability, keys and defaults", () => {
      expect(pgTable, `db/schema-pg has no table ${name}`).toBeDefined();
      const pgConfig = getPgTableConfig(pgTable!);
      expect(pgConfig.columns.map((column) => describeColumn(name, column, "pg"))).toEqual(
        sqliteConfig.columns.map((column) => describeColumn(name, column, "sqlite")),
      );
    });

    it("has the same primary keys, unique constraints, indexes, foreign keys and checks", () => {
      expect(pgTable, `db/schema-pg has no table ${name}`).toBeDefined();
      expect(describeConstraints(getPgTableConfig(pgTable!))).toEqual(describeConstraints(sqliteConfig));
    });
  });
});

/** True when A and B are the same type (each assignable to the other, even through any). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Rows<S, P> = S extends Table
  ? P extends Table
    ? { select: Equal<S["$inferSelect"], P["$inferSelect"]>; insert: Equal<S["$inferInsert"], P["$inferInsert"]> }
    : never
  : never;

/** Row types per table, on both sides; a table whose select or insert types differ shows `false`. */
type Parity = {
  [K in keyof typeof pg as (typeof pg)[K] extends Table ? K : never]: K extends keyof typeof sqlite
    ? Rows<(typeof sqlite)[K], (typeof pg)[K]>
    : "missing in db/schema";
};

type AllEqual = { [K in keyof Parity]: Parity[K] extends { select: true; insert: true } ? true : false };

describe("inferred row types are the same on both databases", () => {
  it("for every table, select and insert", () => {
    expectTypeOf<AllEqual>().toEqualTypeOf<{ [K in keyof AllEqual]: true }>();
    // The same check, spelled out for the tables that queries touch most.
    expectTypeOf<typeof pg.milestones.$inferSelect>().toEqualTypeOf<typeof sqlite.milestones.$inferSelect>();
    expectTypeOf<typeof pg.milestones.$inferInsert>().toEqualTypeOf<typeof sqlite.milestones.$inferInsert>();
    expectTypeOf<typeof pg.users.$inferSelect>().toEqualTypeOf<typeof sqlite.users.$inferSelect>();
    expectTypeOf<typeof pg.statusHistory.$inferInsert>().toEqualTypeOf<typeof sqlite.statusHistory.$inferInsert>();
    expect(Object.keys(pg).filter((key) => is((pg as Record<string, unknown>)[key], Table)).length).toBe(pgTables.size);
  });
});
