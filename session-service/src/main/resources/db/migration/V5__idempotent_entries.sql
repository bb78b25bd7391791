-- Chart entries sent with an Idempotency-Key (issue 11: a tablet that drops off Wi-Fi sends an entry again): the
-- first answer is kept with the entry's effect, in the same transaction, so a repeat returns it and changes nothing.
CREATE TABLE idempotent_entry
(
  idempotency_key VARCHAR(100) PRIMARY KEY,
  requested_by    TEXT                     NOT NULL,
  -- the method and path it was sent to, and a SHA-256 of its body: a repeat must be the same entry
  operation       TEXT                     NOT NULL,
  request_hash    CHAR(64)                 NOT NULL,
  status          INT                      NOT NULL,
  response_body   TEXT                     NOT NULL,
  record_version  BIGINT,
  answered_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- An answer is given once and never changed (a later clean-up of old keys may delete rows).
CREATE FUNCTION idempotent_entry_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an idempotent entry''s answer is never changed';
END $$;
CREATE TRIGGER idempotent_entry_immutable BEFORE UPDATE ON idempotent_entry
  FOR EACH ROW EXECUTE FUNCTION idempotent_entry_is_final();
