-- Other systems' identifiers of a patient (another EHR's id, a GP's number): the clinic's own MRN stays in
-- patient.mrn. One identifier names one patient: a second patient claiming it is refused (the unique key).
-- Rows are never deleted, also not when their patient is merged into another (history kept).
CREATE TABLE patient_identifier
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, -- the order they were added in, as they are shown
  system     TEXT NOT NULL,
  value      TEXT NOT NULL,
  assigner   TEXT,
  patient_id UUID NOT NULL REFERENCES patient (id),
  added_by   TEXT NOT NULL,
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (system, value)
);
CREATE INDEX patient_identifier_patient_idx ON patient_identifier (patient_id);

-- A patient merged into another (ADT^A40): the retired record is kept whole, with its referrals and screenings,
-- and marked with the survivor, when and by whom. A merge is never undone here.
ALTER TABLE patient
  ADD COLUMN merged_into UUID REFERENCES patient (id),
  ADD COLUMN merged_at TIMESTAMP WITH TIME ZONE,
  ADD COLUMN merged_by TEXT,
  ADD CONSTRAINT patient_not_merged_into_itself CHECK (merged_into <> id);
CREATE INDEX patient_merged_into_idx ON patient (merged_into) WHERE merged_into IS NOT NULL;
