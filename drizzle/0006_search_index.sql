-- Search over workstreams and milestones in all six languages (issue 13). Hand-written: drizzle-kit
-- does not model FTS5. Trigram tokenizer: substring matches in any script, Chinese included
-- (queries under 3 characters use LIKE on the same tables). One row per item and language
-- source, rowid = item id * 8 + slot (0: English and Chinese columns, 1-4: ar, fr, ru, es), kept
-- in sync by the triggers below.
CREATE VIRTUAL TABLE workstream_search USING fts5(text, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE milestone_search USING fts5(text, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE TRIGGER workstreams_search_insert AFTER INSERT ON workstreams
BEGIN
  INSERT INTO workstream_search(rowid, text) VALUES (new.id * 8, new.name_en || char(10) || new.name_zh || char(10) || new.summary_en || char(10) || new.summary_zh || char(10) || new.slug || char(10) || new.body_code || char(10) || coalesce((SELECT short_name_en || char(10) || name_en || char(10) || name_zh FROM bodies WHERE code = new.body_code), '') || char(10) || new.leads);
END;
--> statement-breakpoint
CREATE TRIGGER workstreams_search_update AFTER UPDATE ON workstreams
BEGIN
  DELETE FROM workstream_search WHERE rowid = old.id * 8;
  INSERT INTO workstream_search(rowid, text) VALUES (new.id * 8, new.name_en || char(10) || new.name_zh || char(10) || new.summary_en || char(10) || new.summary_zh || char(10) || new.slug || char(10) || new.body_code || char(10) || coalesce((SELECT short_name_en || char(10) || name_en || char(10) || name_zh FROM bodies WHERE code = new.body_code), '') || char(10) || new.leads);
END;
--> statement-breakpoint
CREATE TRIGGER workstreams_search_delete AFTER DELETE ON workstreams
BEGIN
  DELETE FROM workstream_search WHERE rowid >= old.id * 8 AND rowid < old.id * 8 + 8;
END;
--> statement-breakpoint
CREATE TRIGGER workstream_translations_search_insert AFTER INSERT ON workstream_translations
BEGIN
  INSERT INTO workstream_search(rowid, text) VALUES (new.workstream_id * 8 + (CASE new.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), coalesce(new.name, '') || char(10) || coalesce(new.summary, ''));
END;
--> statement-breakpoint
CREATE TRIGGER workstream_translations_search_update AFTER UPDATE ON workstream_translations
BEGIN
  DELETE FROM workstream_search WHERE rowid = old.workstream_id * 8 + (CASE old.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END);
  INSERT INTO workstream_search(rowid, text) VALUES (new.workstream_id * 8 + (CASE new.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), coalesce(new.name, '') || char(10) || coalesce(new.summary, ''));
END;
--> statement-breakpoint
CREATE TRIGGER workstream_translations_search_delete AFTER DELETE ON workstream_translations
BEGIN
  DELETE FROM workstream_search WHERE rowid = old.workstream_id * 8 + (CASE old.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END);
END;
--> statement-breakpoint
CREATE TRIGGER milestones_search_insert AFTER INSERT ON milestones
BEGIN
  INSERT INTO milestone_search(rowid, text) VALUES (new.id * 8, new.title_en || char(10) || new.title_zh || char(10) || coalesce(new.quote_zh, ''));
END;
--> statement-breakpoint
CREATE TRIGGER milestones_search_update AFTER UPDATE OF title_en, title_zh, quote_zh ON milestones
BEGIN
  DELETE FROM milestone_search WHERE rowid = old.id * 8;
  INSERT INTO milestone_search(rowid, text) VALUES (new.id * 8, new.title_en || char(10) || new.title_zh || char(10) || coalesce(new.quote_zh, ''));
END;
--> statement-breakpoint
CREATE TRIGGER milestones_search_delete AFTER DELETE ON milestones
BEGIN
  DELETE FROM milestone_search WHERE rowid >= old.id * 8 AND rowid < old.id * 8 + 8;
END;
--> statement-breakpoint
CREATE TRIGGER milestone_translations_search_insert AFTER INSERT ON milestone_translations
BEGIN
  INSERT INTO milestone_search(rowid, text) VALUES (new.milestone_id * 8 + (CASE new.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), new.title);
END;
--> statement-breakpoint
CREATE TRIGGER milestone_translations_search_update AFTER UPDATE ON milestone_translations
BEGIN
  DELETE FROM milestone_search WHERE rowid = old.milestone_id * 8 + (CASE old.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END);
  INSERT INTO milestone_search(rowid, text) VALUES (new.milestone_id * 8 + (CASE new.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), new.title);
END;
--> statement-breakpoint
CREATE TRIGGER milestone_translations_search_delete AFTER DELETE ON milestone_translations
BEGIN
  DELETE FROM milestone_search WHERE rowid = old.milestone_id * 8 + (CASE old.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END);
END;
--> statement-breakpoint
-- Rows that exist already (databases migrated after seeding).
INSERT INTO workstream_search(rowid, text) SELECT w.id * 8, w.name_en || char(10) || w.name_zh || char(10) || w.summary_en || char(10) || w.summary_zh || char(10) || w.slug || char(10) || w.body_code || char(10) || coalesce((SELECT short_name_en || char(10) || name_en || char(10) || name_zh FROM bodies WHERE code = w.body_code), '') || char(10) || w.leads FROM workstreams w;
--> statement-breakpoint
INSERT INTO workstream_search(rowid, text) SELECT t.workstream_id * 8 + (CASE t.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), coalesce(t.name, '') || char(10) || coalesce(t.summary, '') FROM workstream_translations t;
--> statement-breakpoint
INSERT INTO milestone_search(rowid, text) SELECT m.id * 8, m.title_en || char(10) || m.title_zh || char(10) || coalesce(m.quote_zh, '') FROM milestones m;
--> statement-breakpoint
INSERT INTO milestone_search(rowid, text) SELECT t.milestone_id * 8 + (CASE t.locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END), t.title FROM milestone_translations t;
