-- The no-show sweep looks for appointments still booked (not held) whose day is over: an index on just those.
CREATE INDEX appointment_booked_start_idx ON appointment (start_at) WHERE status = 'booked' AND NOT on_hold;
