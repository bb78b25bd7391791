-- The gateway's own audit log: the calls to /api/** it refused itself (401 not signed in, 403 CSRF and other
-- refusals before any service saw them) and the administrators' searches of it. The same shape as each service's
-- audit_log, and append-only in the same way: updates, deletes and truncation are refused by triggers.
CREATE TABLE gateway_audit_log
(
  id             BIGSERIAL PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  actor          TEXT NOT NULL,
  client_id      TEXT,
  action         TEXT NOT NULL,
  kind           TEXT CHECK (kind IN ('read', 'search', 'create', 'update', 'delete')),
  resource       TEXT NOT NULL,
  patient_id     UUID,
  patient_ids    UUID[] NOT NULL DEFAULT '{}',
  outcome        INT NOT NULL,
  client_address TEXT,
  user_agent     TEXT,
  request_id     UUID
);
CREATE INDEX gateway_audit_log_patient_ids_idx ON gateway_audit_log USING gin (patient_ids);
CREATE INDEX gateway_audit_log_actor_idx ON gateway_audit_log (actor, at);
CREATE INDEX gateway_audit_log_at_idx ON gateway_audit_log (at);

CREATE FUNCTION gateway_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gateway_audit_log is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER gateway_audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON gateway_audit_log
  FOR EACH ROW EXECUTE FUNCTION gateway_audit_log_is_append_only();

CREATE TRIGGER gateway_audit_log_no_truncate
  BEFORE TRUNCATE ON gateway_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION gateway_audit_log_is_append_only();
