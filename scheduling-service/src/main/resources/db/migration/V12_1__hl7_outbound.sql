-- Outbound HL7 v2 SIU (issue 13): one row per message to the configured MLLP endpoint, written in the transaction that
-- booked, moved, cancelled or marked a no-show, so that nothing is lost and nothing is sent for a change rolled back.
-- The message is encoded when the change happens (it says what was true then) and sent, with the same control id on
-- every attempt, by the sender: PENDING until the receiver's ACK accepts it (SENT); after max-attempts refusals or
-- failures it is a dead letter (FAILED, with the last error) until an administrator replays it.
-- Messages of one appointment (placer_id: the first appointment of the chain of moves, SCH-1) go in the order written:
-- a message waits while an earlier one of its appointment is not SENT.
-- (V12_1, not V12: another branch adds a V12 at the same time.)
CREATE TABLE hl7_outbound_message
(
  id              UUID PRIMARY KEY,
  -- the order messages were written in, and the number in their control id
  seq             BIGSERIAL NOT NULL UNIQUE,
  control_id      TEXT NOT NULL UNIQUE,
  trigger_event   TEXT NOT NULL CHECK (trigger_event IN ('S12', 'S13', 'S15', 'S26')),
  kind            TEXT NOT NULL CHECK (kind IN ('INFUSION', 'BOOSTER', 'CONSULTATION')),
  placer_id       UUID NOT NULL,
  appointment_id  UUID NOT NULL,
  patient_id      UUID NOT NULL,
  message         TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
  attempts        INT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_error      TEXT,
  ack_code        TEXT,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  sent_at         TIMESTAMP WITH TIME ZONE,
  replays         INT NOT NULL DEFAULT 0,
  last_replayed_by TEXT,
  last_replayed_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX hl7_outbound_due_idx ON hl7_outbound_message (next_attempt_at, seq) WHERE status = 'PENDING';
CREATE INDEX hl7_outbound_placer_idx ON hl7_outbound_message (placer_id, seq);
CREATE INDEX hl7_outbound_appointment_idx ON hl7_outbound_message (appointment_id);
CREATE INDEX hl7_outbound_status_idx ON hl7_outbound_message (status, seq);
