-- The audit log records what a regulator asks of it (HIPAA §164.312(b), IHE BALP): besides who, the operation, when
-- and the real outcome, the kind of access, every patient an answer named (a search or list names many), the
-- client's address and user agent, the token's client and the request a row belongs to. Rows written before this
-- migration keep their single patient_id; new rows fill patient_ids (and patient_id when exactly one patient).
-- Columns are only added: the append-only triggers of V0_1 stay as they are.

ALTER TABLE audit_log
  ADD COLUMN kind           TEXT,
  ADD COLUMN patient_ids    UUID[] NOT NULL DEFAULT '{}',
  ADD COLUMN client_id      TEXT,
  ADD COLUMN client_address TEXT,
  ADD COLUMN user_agent     TEXT,
  ADD COLUMN request_id     UUID,
  ADD CONSTRAINT audit_log_kind_known CHECK (kind IN ('read', 'search', 'create', 'update', 'delete'));

CREATE INDEX audit_log_patient_ids_idx ON audit_log USING gin (patient_ids);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);
