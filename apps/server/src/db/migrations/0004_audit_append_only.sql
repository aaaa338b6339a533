-- The audit log is append-only: history can be added to, never rewritten. Two narrow exceptions:
--   (a) sealing: setting prev_hash/hash on a row that has no hash yet, every other column unchanged;
--   (b) purge: deleting rows older than 180 days (网络安全法 Art. 21 keeps logs at least six months)
--       inside a transaction that said SET LOCAL fw.audit_purge = 'on'.
-- Production runs the application under a role that does not own the table, so it cannot disable this trigger.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
       AND (NEW.id, NEW.actor_id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.region_code, NEW.detail, NEW.ip, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.actor_id, OLD.action, OLD.subject_type, OLD.subject_id, OLD.region_code, OLD.detail, OLD.ip, OLD.created_at)
    THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: row % cannot be updated', OLD.id USING ERRCODE = 'insufficient_privilege';
  ELSIF TG_OP = 'DELETE' THEN
    IF current_setting('fw.audit_purge', true) = 'on' AND OLD.created_at < now() - interval '180 days' THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: row % cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
