-- Rules Prisma's schema language cannot express. Written by hand; keep them plain
-- PL/pgSQL so that they run on PostgreSQL 15+ and on PGlite alike.

-- 1. History and audit are append-only (offentlighetsprincipen, arkivlagen):
--    the database itself refuses UPDATE and DELETE, whatever the code does.
CREATE OR REPLACE FUNCTION refuse_change_append_only() RETURNS trigger AS $$
BEGIN
  -- Default SQLSTATE P0001 (raise_exception): drivers pass the message through.
  RAISE EXCEPTION 'append-only table %: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "StatusEntry_append_only"
  BEFORE UPDATE OR DELETE ON "StatusEntry"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
CREATE TRIGGER "StatusEntry_no_truncate"
  BEFORE TRUNCATE ON "StatusEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_change_append_only();
CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_append_only();

-- 2. Uppdrag.status is a copy of the latest StatusEntry, kept for fast lists.
--    Refuse any update that would make the copy disagree with the history.
CREATE OR REPLACE FUNCTION check_uppdrag_status_matches_history() RETURNS trigger AS $$
DECLARE
  latest "UppdragStatus";
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    SELECT status INTO latest FROM "StatusEntry"
      WHERE "uppdragId" = NEW.id ORDER BY "at" DESC, id DESC LIMIT 1;
    IF latest IS DISTINCT FROM NEW.status THEN
      RAISE EXCEPTION 'Uppdrag.status (%) must equal the latest StatusEntry (%)', NEW.status, latest;
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Uppdrag_status_matches_history"
  BEFORE UPDATE ON "Uppdrag"
  FOR EACH ROW EXECUTE FUNCTION check_uppdrag_status_matches_history();
