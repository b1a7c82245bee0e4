import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AppDatabase } from "@/db";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";

/**
 * Migration 0004 rebuilds `milestones` (its status CHECK gains "ongoing"). On a database that
 * already holds milestones, their append-only history and translations, the rebuild must keep
 * every row: nothing cascades, nothing aborts.
 */
const directory = fs.mkdtempSync(path.join(os.tmpdir(), "ceb-migration-"));
afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string): string {
  const folder = path.join(directory, "before");
  fs.mkdirSync(path.join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(index).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, index);
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe("migration 0004 (ongoing status, also-cited paragraphs) on a populated database", () => {
  it("keeps milestones, history and translations, and accepts the ongoing status", () => {
    const sqlite = new Database(path.join(directory, "upgrade.sqlite"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle({ client: sqlite, schema }) as AppDatabase;
    migrate(db, { migrationsFolder: migrationsBefore("0004_ongoing_status_also_paragraphs") });

    sqlite.exec(`
      INSERT INTO bodies (code, short_name_en, name_en, name_zh, parent_code, sort_order) VALUES ('CEB', 'CEB', 'CEB', '首协会', NULL, 0);
      INSERT INTO workstreams (slug, name_en, name_zh, body_code, leads, summary_en, summary_zh, paragraphs, evidence, position)
        VALUES ('w', 'W', 'W', 'CEB', '[]', 's', 's', '[1]', '[]', 0);
      INSERT INTO milestones (workstream_id, title_en, title_zh, date, date_precision, period_start, period_end, year, status)
        VALUES (1, 'M', 'M', '2021', 'year', '2021-01-01', '2021-12-31', 2021, 'completed');
      INSERT INTO status_history (milestone_id, from_status, to_status, kind, actor) VALUES (1, NULL, 'completed', 'created', 'seed');
      INSERT INTO milestone_translations (milestone_id, locale, title) VALUES (1, 'fr', 'J');
    `);
    expect(() => sqlite.exec("UPDATE milestones SET status = 'ongoing' WHERE id = 1")).toThrow(/CHECK/);

    migrateDatabase(db);

    expect(sqlite.prepare("SELECT count(*) AS n FROM status_history").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM milestone_translations").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("SELECT also_paragraphs AS a FROM milestones WHERE id = 1").get()).toEqual({ a: "[]" });
    sqlite.exec("UPDATE milestones SET status = 'ongoing', completed_on = NULL WHERE id = 1");
    expect(sqlite.prepare("SELECT status FROM milestones WHERE id = 1").get()).toEqual({ status: "ongoing" });
    expect(() => sqlite.exec("UPDATE milestones SET status = 'finished' WHERE id = 1")).toThrow(/CHECK/);
    // Foreign keys are enforced again afterwards, and history is still append-only.
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(() => sqlite.exec("DELETE FROM status_history")).toThrow(/append-only/);
    sqlite.close();
  });
});
