/**
 * npm run db:copy -- --from sqlite:FILE --to postgres://user:password@host:5432/database [--replace] [--batch-size N]
 *
 * Copies a SQLite database of the tracker into PostgreSQL (ADR 020): both are migrated first,
 * every table is copied in foreign-key order inside one PostgreSQL transaction with its ids, and
 * each table's row count and content hash are compared before the commit. Exits 1, having
 * written nothing, on any difference or when the target holds rows and --replace is not given.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { CopyMismatchError, copySqliteToPostgres, DEFAULT_BATCH_SIZE, formatChecks, openSqliteSource } from "../db/copy";
import { migratePostgres, openPostgres, redactDatabaseUrl } from "../db/postgres";

const USAGE = "Usage: npm run db:copy -- --from sqlite:FILE --to postgres://user:password@host:5432/database [--replace] [--batch-size N]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { from: { type: "string" }, to: { type: "string" }, replace: { type: "boolean", default: false }, "batch-size": { type: "string" } },
  });
  if (!values.from?.startsWith("sqlite:") || !values.to) {
    console.error(USAGE);
    return 2;
  }
  const batchSize = values["batch-size"] ? Number(values["batch-size"]) : DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    console.error(`--batch-size must be a whole number of rows, got "${values["batch-size"]}"`);
    return 2;
  }
  const file = path.resolve(values.from.slice("sqlite:".length));
  const source = openSqliteSource(file);
  const target = openPostgres(values.to);
  try {
    await migratePostgres(target);
    const started = Date.now();
    console.log(`Copying ${file} to ${redactDatabaseUrl(values.to)}${values.replace ? " (replacing its rows)" : ""}…`);
    const checks = await copySqliteToPostgres(source, target, { replace: values.replace, batchSize, log: (line) => console.log(`  ${line}`) });
    console.log(`\n${formatChecks(checks)}\n\nCopied ${checks.length} tables in ${Date.now() - started} ms; counts and hashes match.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyMismatchError) console.error(`\n${formatChecks(error.checks)}\n`);
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  } finally {
    source.$client.close();
    await target.$client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
