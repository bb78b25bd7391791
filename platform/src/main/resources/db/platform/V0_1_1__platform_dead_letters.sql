-- What this service's consumer parked in its dead-letter topic (<service>.dlt), copied by the platform so that an
-- administrator can list and replay it without reading the topic, and each replay: when, by whom, what came of it.

CREATE TABLE dead_letter
(
  id                 UUID PRIMARY KEY,            -- derived from the record's place in the dead-letter topic
  dlt_topic          TEXT NOT NULL,
  dlt_partition      INT NOT NULL,
  dlt_offset         BIGINT NOT NULL,
  original_topic     TEXT,
  original_partition INT,
  original_offset    BIGINT,
  record_key         TEXT,
  event_id           TEXT,
  event_type         TEXT,
  subject            TEXT,
  ce_headers         JSONB NOT NULL,              -- the CloudEvents attributes (binary mode), to rebuild the event
  value              BYTEA,
  exception          TEXT,
  exception_message  TEXT,
  parked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  replays            INT NOT NULL DEFAULT 0,
  last_replayed_at   TIMESTAMP WITH TIME ZONE,
  last_replayed_by   TEXT,
  last_replay_outcome TEXT,
  UNIQUE (dlt_topic, dlt_partition, dlt_offset)
);
CREATE INDEX dead_letter_parked_at_idx ON dead_letter (parked_at DESC);
