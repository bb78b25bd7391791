-- A cancellation or no-show of an appointment whose booking session has not seen yet (the booking was set aside
-- and replayed later, or resubmitted by scheduling's outbox after the change was sent). Kept with its version, so that
-- the booking, when it comes with an older version, is taken in already cancelled or no-show: a late booking never
-- puts a cancelled infusion back on the nurse's list, and the change never holds up the events behind it.
CREATE TABLE appointment_change_ahead
(
  appointment_id    UUID PRIMARY KEY,
  change            TEXT NOT NULL CHECK (change IN ('CANCELLED', 'NO_SHOW')),
  aggregate_version BIGINT NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
