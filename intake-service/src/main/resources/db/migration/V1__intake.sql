CREATE SEQUENCE patient_mrn_seq;

CREATE TABLE patient
(
  id          UUID PRIMARY KEY,
  mrn         TEXT NOT NULL UNIQUE,
  given_name  TEXT NOT NULL,
  family_name TEXT NOT NULL,
  birth_date  DATE NOT NULL,
  phone       TEXT,
  status      TEXT NOT NULL,
  version     BIGINT NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patient_name_idx ON patient (lower(family_name), lower(given_name));

CREATE TABLE referral
(
  id                  UUID PRIMARY KEY,
  patient_id          UUID NOT NULL REFERENCES patient (id),
  referring_clinician TEXT NOT NULL,
  reason              TEXT,
  indication          TEXT NOT NULL,
  state               TEXT NOT NULL,
  received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX referral_patient_idx ON referral (patient_id);

CREATE TABLE screening
(
  id               UUID PRIMARY KEY,
  patient_id       UUID NOT NULL REFERENCES patient (id),
  phq9_items       INT[] NOT NULL,
  phq9_total       INT NOT NULL,
  phq9_band        TEXT NOT NULL,
  suicide_risk     BOOLEAN NOT NULL,
  systolic         INT NOT NULL,
  diastolic        INT NOT NULL,
  heart_rate       INT NOT NULL,
  weight_kg        NUMERIC(5, 1) NOT NULL,
  notes            TEXT,
  proposed_outcome TEXT NOT NULL,
  proposal_reasons JSONB NOT NULL,
  screened_by      TEXT NOT NULL,
  screened_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX screening_patient_idx ON screening (patient_id, screened_at);

-- Signed decisions are never edited: a later decision supersedes an earlier one.
CREATE TABLE eligibility_decision
(
  id           UUID PRIMARY KEY,
  patient_id   UUID NOT NULL REFERENCES patient (id),
  screening_id UUID NOT NULL REFERENCES screening (id),
  outcome      TEXT NOT NULL,
  reason       TEXT,
  route        TEXT,
  mg_per_kg    NUMERIC(4, 2),
  decided_by   TEXT NOT NULL,
  decided_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX eligibility_decision_patient_idx ON eligibility_decision (patient_id, decided_at);

CREATE FUNCTION eligibility_decision_is_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a signed eligibility decision cannot be changed; record a new decision instead';
END $$;
CREATE TRIGGER eligibility_decision_immutable
  BEFORE UPDATE OR DELETE ON eligibility_decision
  FOR EACH ROW EXECUTE FUNCTION eligibility_decision_is_signed();

-- Outcome scores over time, from intake screenings and from completed sessions (events).
CREATE TABLE outcome_score
(
  id          BIGSERIAL PRIMARY KEY,
  patient_id  UUID NOT NULL,
  instrument  TEXT NOT NULL,
  total       INT NOT NULL,
  source      TEXT NOT NULL,
  source_id   UUID NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (source, source_id, instrument)
);
CREATE INDEX outcome_score_patient_idx ON outcome_score (patient_id, recorded_at);
