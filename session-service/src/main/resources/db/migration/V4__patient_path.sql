-- The patient's path across services (issue 10): what the session service needs to know before a dose may be given.

-- Appointments: the site with its time zone (the appointment's day is its start's date there), the chair, the
-- course's size (infusion 2 of 6), and whether scheduling marked it no-show (it then no longer waits its turn).
ALTER TABLE booked_appointment
  ADD COLUMN site_id          UUID,
  ADD COLUMN site_name        TEXT,
  ADD COLUMN time_zone        TEXT,
  ADD COLUMN chair_id         UUID,
  ADD COLUMN course_infusions INT CHECK (course_infusions > 0),
  ADD COLUMN no_show_at       TIMESTAMP WITH TIME ZONE;
CREATE INDEX booked_appointment_course_idx ON booked_appointment (course_id, starts_at);
CREATE INDEX booked_appointment_day_idx ON booked_appointment (site_id, starts_at);

-- Each course as scheduling last announced it (appointment-booked: ACTIVE, or COMPLETED for a booster; course-paused,
-- -resumed, -cancelled, -completed). The newest course version wins.
CREATE TABLE course_state
(
  course_id         UUID PRIMARY KEY,
  patient_id        UUID NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('TO_PLAN', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED')),
  reason            TEXT,
  aggregate_version BIGINT NOT NULL,
  changed_at        TIMESTAMP WITH TIME ZONE
);
-- Appointments booked before this migration: their course took bookings, so it was active then.
INSERT INTO course_state (course_id, patient_id, status, aggregate_version)
SELECT course_id, min(patient_id::text)::uuid, 'ACTIVE', max(aggregate_version)
FROM booked_appointment GROUP BY course_id;

-- A pausing adverse event this service recorded pauses the patient's dosing at once, without waiting for scheduling
-- to pause the course; it is lifted only by a course-resumed event that names the adverse event.
CREATE TABLE dosing_pause
(
  adverse_event_id UUID PRIMARY KEY,
  patient_id       UUID NOT NULL,
  session_id       UUID NOT NULL REFERENCES session_record (id),
  grade            TEXT NOT NULL,
  reported_by      TEXT NOT NULL,
  reported_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  lifted_at        TIMESTAMP WITH TIME ZONE,
  lifted_by_course UUID
);
CREATE INDEX dosing_pause_in_force_idx ON dosing_pause (patient_id) WHERE lifted_at IS NULL;

-- Patients as intake registered them: the name and MRN on the nurse's list.
CREATE TABLE patient
(
  patient_id        UUID PRIMARY KEY,
  mrn               TEXT NOT NULL,
  given_name        TEXT NOT NULL,
  family_name       TEXT NOT NULL,
  aggregate_version BIGINT NOT NULL
);

-- A clinician's leave, with the reason, to give an infusion while an earlier one of its course is still outstanding.
CREATE TABLE course_order_override
(
  appointment_id UUID PRIMARY KEY,
  reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  overridden_by  TEXT NOT NULL,
  overridden_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The dose range travels with the clinician's plan (intake owns it): the dose given is checked against it.
ALTER TABLE patient_dose_plan
  ADD COLUMN min_mg_per_kg NUMERIC CHECK (min_mg_per_kg > 0),
  ADD COLUMN max_mg_per_kg NUMERIC CHECK (max_mg_per_kg >= min_mg_per_kg);

ALTER TABLE session_record
  ADD COLUMN decision_id           UUID,
  ADD COLUMN min_mg_per_kg         NUMERIC,
  ADD COLUMN max_mg_per_kg         NUMERIC,
  -- the clinician's leave to go out of course order, copied onto the record it was used for
  ADD COLUMN order_override_reason TEXT,
  ADD COLUMN order_override_by     TEXT,
  ADD COLUMN order_override_at     TIMESTAMP WITH TIME ZONE,
  -- why an IV infusion ended before the least duration (stopped after an alert, or the nurse's reason)
  ADD COLUMN infusion_end_reason   TEXT;
CREATE INDEX session_record_dosed_idx ON session_record (patient_id, dosed_at) WHERE dosed_at IS NOT NULL;
