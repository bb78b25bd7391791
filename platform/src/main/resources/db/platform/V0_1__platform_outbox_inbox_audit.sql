-- Platform tables every service has: the outbox (Spring Modulith's event publication registry, schema v2),
-- the inbox (event ids seen, written in the same transaction as the effect) and the append-only audit log.

CREATE TABLE event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

CREATE TABLE inbox_event
(
  event_id    UUID PRIMARY KEY,
  event_type  TEXT NOT NULL,
  source      TEXT,
  subject     TEXT,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_log
(
  id         BIGSERIAL PRIMARY KEY,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  resource   TEXT NOT NULL,
  patient_id UUID,
  outcome    INT NOT NULL
);
CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
