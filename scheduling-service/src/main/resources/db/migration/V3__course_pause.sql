-- Course pause: a serious adverse event pauses the patient's open course with a reason, and the course's future
-- booked appointments are held (kept, but marked on_hold) until a clinician resumes the course or cancels them.
ALTER TABLE course ADD COLUMN pause_reason TEXT;
ALTER TABLE course ADD CONSTRAINT course_paused_with_reason CHECK (status <> 'PAUSED' OR pause_reason IS NOT NULL);

-- A paused course is still the patient's unfinished course: no second course may open beside it.
DROP INDEX course_one_open_per_patient;
CREATE UNIQUE INDEX course_one_open_per_patient ON course (patient_id) WHERE status IN ('TO_PLAN', 'ACTIVE', 'PAUSED');

ALTER TABLE appointment ADD COLUMN on_hold BOOLEAN NOT NULL DEFAULT FALSE;
