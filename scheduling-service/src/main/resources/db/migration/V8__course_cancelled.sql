-- A superseding DECLINED eligibility decision closes the patient's unfinished courses: CANCELLED with the reason
-- (who declined and why), never to take a booking again. A paused course is cancelled too.
ALTER TABLE course ADD COLUMN cancellation_reason TEXT;
ALTER TABLE course ADD CONSTRAINT course_cancelled_with_reason
  CHECK (status <> 'CANCELLED' OR cancellation_reason IS NOT NULL);
