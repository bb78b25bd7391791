-- Scheduling's cancellations and reschedules (clinic.scheduling.appointment-cancelled.v1 and
-- appointment-rescheduled.v1). A cancelled or moved appointment leaves the nurse's list but its row stays, with the
-- version that removed it, so that a stale appointment-booked event arriving later cannot bring it back.
ALTER TABLE booked_appointment ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
