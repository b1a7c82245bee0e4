-- History is evidence: once written, an entry can be neither changed nor removed.
CREATE TRIGGER status_history_no_update BEFORE UPDATE ON status_history
BEGIN
  SELECT RAISE(ABORT, 'status_history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER status_history_no_delete BEFORE DELETE ON status_history
BEGIN
  SELECT RAISE(ABORT, 'status_history is append-only');
END;
