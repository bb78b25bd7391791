-- Appointment lifecycle: a cancelled appointment keeps its reason, a rescheduled one is linked from the
-- appointment that replaced it, and every status change is kept in appointment_history.
ALTER TABLE appointment ADD COLUMN cancellation_reason TEXT;
ALTER TABLE appointment ADD COLUMN rescheduled_from UUID REFERENCES appointment (id);
ALTER TABLE appointment ADD CONSTRAINT appointment_cancelled_with_reason
  CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL);
CREATE UNIQUE INDEX appointment_rescheduled_once ON appointment (rescheduled_from) WHERE rescheduled_from IS NOT NULL;

-- One row per status change; from_status is null for the booking itself.
CREATE TABLE appointment_history
(
  id             BIGSERIAL PRIMARY KEY,
  appointment_id UUID NOT NULL REFERENCES appointment (id),
  from_status    TEXT,
  to_status      TEXT NOT NULL,
  reason         TEXT,
  changed_by     TEXT NOT NULL,
  changed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX appointment_history_appointment_idx ON appointment_history (appointment_id, id);

-- Appointments booked before the history existed: their booking, and their fulfilment when there was one.
INSERT INTO appointment_history (appointment_id, from_status, to_status, changed_by, changed_at)
SELECT id, NULL, 'booked', booked_by, booked_at FROM appointment ORDER BY booked_at;
INSERT INTO appointment_history (appointment_id, from_status, to_status, changed_by, changed_at)
SELECT id, 'booked', 'fulfilled', 'session-service', fulfilled_at FROM appointment
WHERE status = 'fulfilled' AND fulfilled_at IS NOT NULL ORDER BY fulfilled_at;
