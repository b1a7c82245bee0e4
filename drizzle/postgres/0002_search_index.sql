-- Search over workstreams and milestones in all six languages: the PostgreSQL side of
-- drizzle/0006_search_index.sql (ADR 020). Hand-written: drizzle-kit does not model triggers.
-- The same two tables, one row per item and language source, rowid = item id * 8 + slot (0: the
-- English and Chinese columns, 1-4: ar, fr, ru, es), kept in sync by the triggers below. `text`
-- is stored folded by search_fold (lower case, Latin diacritics removed) and indexed by pg_trgm,
-- so `text LIKE '%' || search_fold(term) || '%'` finds substrings in any script through the
-- index for terms of 3+ characters, as FTS5's trigram tokenizer does (shorter ones scan).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary makes the
-- result fixed, the usual way to use it where IMMUTABLE is required.
CREATE FUNCTION search_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT lower(public.unaccent('public.unaccent'::regdictionary, value))
$$;
--> statement-breakpoint
CREATE FUNCTION search_locale_slot(locale text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE locale WHEN 'ar' THEN 1 WHEN 'fr' THEN 2 WHEN 'ru' THEN 3 WHEN 'es' THEN 4 ELSE 5 END
$$;
--> statement-breakpoint
CREATE TABLE workstream_search (rowid bigint PRIMARY KEY, text text NOT NULL);
--> statement-breakpoint
CREATE TABLE milestone_search (rowid bigint PRIMARY KEY, text text NOT NULL);
--> statement-breakpoint
CREATE INDEX workstream_search_text_idx ON workstream_search USING gin (text gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX milestone_search_text_idx ON milestone_search USING gin (text gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION workstream_search_text(w workstreams) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT search_fold(w.name_en || E'\n' || w.name_zh || E'\n' || w.summary_en || E'\n' || w.summary_zh || E'\n' || w.slug || E'\n' || w.body_code || E'\n'
    || coalesce((SELECT b.short_name_en || E'\n' || b.name_en || E'\n' || b.name_zh FROM bodies b WHERE b.code = w.body_code), '') || E'\n' || w.leads::text)
$$;
--> statement-breakpoint
CREATE FUNCTION milestone_search_text(m milestones) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT search_fold(m.title_en || E'\n' || m.title_zh || E'\n' || coalesce(m.quote_zh, ''))
$$;
--> statement-breakpoint
CREATE FUNCTION workstreams_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM workstream_search WHERE rowid >= OLD.id * 8 AND rowid < OLD.id * 8 + 8;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM workstream_search WHERE rowid = OLD.id * 8;
  END IF;
  INSERT INTO workstream_search(rowid, text) VALUES (NEW.id * 8, workstream_search_text(NEW));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workstreams_search AFTER INSERT OR UPDATE OR DELETE ON workstreams FOR EACH ROW EXECUTE FUNCTION workstreams_search_sync();
--> statement-breakpoint
CREATE FUNCTION workstream_translations_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM workstream_search WHERE rowid = OLD.workstream_id * 8 + search_locale_slot(OLD.locale);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO workstream_search(rowid, text)
    VALUES (NEW.workstream_id * 8 + search_locale_slot(NEW.locale), search_fold(coalesce(NEW.name, '') || E'\n' || coalesce(NEW.summary, '')));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER workstream_translations_search AFTER INSERT OR UPDATE OR DELETE ON workstream_translations FOR EACH ROW EXECUTE FUNCTION workstream_translations_search_sync();
--> statement-breakpoint
CREATE FUNCTION milestones_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM milestone_search WHERE rowid >= OLD.id * 8 AND rowid < OLD.id * 8 + 8;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM milestone_search WHERE rowid = OLD.id * 8;
  END IF;
  INSERT INTO milestone_search(rowid, text) VALUES (NEW.id * 8, milestone_search_text(NEW));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER milestones_search AFTER INSERT OR DELETE ON milestones FOR EACH ROW EXECUTE FUNCTION milestones_search_sync();
--> statement-breakpoint
CREATE TRIGGER milestones_search_update AFTER UPDATE OF title_en, title_zh, quote_zh ON milestones FOR EACH ROW EXECUTE FUNCTION milestones_search_sync();
--> statement-breakpoint
CREATE FUNCTION milestone_translations_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM milestone_search WHERE rowid = OLD.milestone_id * 8 + search_locale_slot(OLD.locale);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO milestone_search(rowid, text) VALUES (NEW.milestone_id * 8 + search_locale_slot(NEW.locale), search_fold(NEW.title));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER milestone_translations_search AFTER INSERT OR UPDATE OR DELETE ON milestone_translations FOR EACH ROW EXECUTE FUNCTION milestone_translations_search_sync();
--> statement-breakpoint
-- Rows that exist already (databases migrated after loading).
INSERT INTO workstream_search(rowid, text) SELECT w.id * 8, workstream_search_text(w) FROM workstreams w;
--> statement-breakpoint
INSERT INTO workstream_search(rowid, text)
SELECT t.workstream_id * 8 + search_locale_slot(t.locale), search_fold(coalesce(t.name, '') || E'\n' || coalesce(t.summary, '')) FROM workstream_translations t;
--> statement-breakpoint
INSERT INTO milestone_search(rowid, text) SELECT m.id * 8, milestone_search_text(m) FROM milestones m;
--> statement-breakpoint
INSERT INTO milestone_search(rowid, text) SELECT t.milestone_id * 8 + search_locale_slot(t.locale), search_fold(t.title) FROM milestone_translations t;
