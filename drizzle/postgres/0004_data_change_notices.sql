-- Every committed change to a table sends a notice on the channel ceb_data_changed, its payload
-- the table's name. Each app process listens (db/postgres-changes.ts) and empties the caches that
-- hold the changed data: the PostgreSQL counterpart of SQLite's data_version, across processes.
-- NOTIFY is transactional: a notice is delivered when its transaction commits, never for one
-- that rolls back, and equal notices of one transaction are sent once.
CREATE FUNCTION ceb_notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ceb_data_changed', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One statement-level trigger per table present now; a migration that adds a table adds its own.
DO $$
DECLARE
  name text;
BEGIN
  FOR name IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION ceb_notify_data_changed()',
      name || '_data_changed',
      name
    );
  END LOOP;
END;
$$;
