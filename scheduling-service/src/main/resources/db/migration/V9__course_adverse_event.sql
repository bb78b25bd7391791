-- Every pausing adverse event scheduling received for a course, also those that came while it was already paused.
-- A clinician's resumption answers all not answered yet; course-resumed lists them, so a consumer that paused dosing
-- for an adverse event of its own knows when that one has been seen.
CREATE TABLE course_adverse_event
(
  course_id        UUID NOT NULL REFERENCES course (id),
  adverse_event_id UUID NOT NULL,
  grade            TEXT NOT NULL,
  occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_by      TEXT,
  answered_at      TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (course_id, adverse_event_id),
  CHECK ((answered_by IS NULL) = (answered_at IS NULL))
);
CREATE INDEX course_adverse_event_unanswered_idx ON course_adverse_event (course_id) WHERE answered_at IS NULL;
