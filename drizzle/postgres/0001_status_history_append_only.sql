-- History is evidence: once written, an entry can be neither changed nor removed (the same rule
-- as the SQLite triggers of drizzle/0001). TRUNCATE skips row triggers, so it is refused too.
CREATE FUNCTION status_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'status_history is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history FOR EACH ROW EXECUTE FUNCTION status_history_append_only();
--> statement-breakpoint
CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history FOR EACH ROW EXECUTE FUNCTION status_history_append_only();
--> statement-breakpoint
CREATE TRIGGER status_history_no_truncate BEFORE TRUNCATE ON status_history FOR EACH STATEMENT EXECUTE FUNCTION status_history_append_only();
