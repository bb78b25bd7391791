-- Consultation first (issue 11): what scheduling says of each patient's consultation, the newest news only. The
-- version is scheduling's count of the changes to the patient's consultations; news older than the one kept changes
-- nothing, so late and repeated events never move a referral wrongly. No reference to patient: the news is kept as it
-- comes.
CREATE TABLE patient_consultation
(
  patient_id      UUID PRIMARY KEY,
  consultation_id UUID NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('BOOKED', 'CANCELLED', 'NO_SHOW')),
  clinician       TEXT NOT NULL,
  site_name       TEXT NOT NULL,
  time_zone       TEXT NOT NULL,
  start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  reason          TEXT,
  version         BIGINT NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
