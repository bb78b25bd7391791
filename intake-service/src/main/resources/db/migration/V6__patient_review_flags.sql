-- Adverse events reported by the session service (clinic.session.adverse-event-reported.v1), one row per event.
-- Every one is recorded; those whose grade flagged the patient for review when it arrived (flags_review, from
-- clinic.intake.review.flag-grades) stay open until a clinician clears them with a reason. No foreign key to
-- patient: the event may name a patient intake does not hold. source_event_id is the event id: a redelivery
-- cannot record the same event twice.
CREATE TABLE patient_review_flag
(
  id              UUID PRIMARY KEY,
  patient_id      UUID NOT NULL,
  reason          TEXT NOT NULL,
  grade           TEXT NOT NULL CHECK (grade IN ('MILD', 'MODERATE', 'SEVERE', 'SERIOUS')),
  flags_review    BOOLEAN NOT NULL,
  source_event_id UUID NOT NULL UNIQUE,
  raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  cleared_at      TIMESTAMP WITH TIME ZONE,
  cleared_by      TEXT,
  clear_reason    TEXT,
  CONSTRAINT patient_review_flag_cleared_complete
    CHECK ((cleared_at IS NULL) = (cleared_by IS NULL) AND (cleared_at IS NULL) = (clear_reason IS NULL)),
  CONSTRAINT patient_review_flag_cleared_only_if_flagged CHECK (flags_review OR cleared_at IS NULL)
);
CREATE INDEX patient_review_flag_patient_idx ON patient_review_flag (patient_id, raised_at);
CREATE INDEX patient_review_flag_open_idx ON patient_review_flag (patient_id) WHERE flags_review AND cleared_at IS NULL;
