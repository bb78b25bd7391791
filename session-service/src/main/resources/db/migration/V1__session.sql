-- Projection of booked infusion appointments (clinic.scheduling.appointment-booked.v1), newest version wins.
CREATE TABLE booked_appointment
(
  appointment_id    UUID PRIMARY KEY,
  patient_id        UUID NOT NULL,
  patient_name      TEXT,
  course_id         UUID NOT NULL,
  chair_name        TEXT NOT NULL,
  kind              TEXT NOT NULL,
  sequence          INT NOT NULL,
  starts_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  aggregate_version BIGINT NOT NULL
);
CREATE INDEX booked_appointment_start_idx ON booked_appointment (starts_at);
CREATE INDEX booked_appointment_patient_idx ON booked_appointment (patient_id);

-- Projection of each patient's latest signed eligibility decision (clinic.intake.eligibility-decided.v1):
-- CLEARED carries the dose plan, DECLINED withdraws it (route and mg/kg null). Newest version wins.
CREATE TABLE patient_dose_plan
(
  patient_id        UUID PRIMARY KEY,
  patient_name      TEXT NOT NULL,
  decision_id       UUID NOT NULL,
  route             TEXT,
  mg_per_kg         NUMERIC CHECK (mg_per_kg > 0),
  decided_by        TEXT NOT NULL,
  decided_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  aggregate_version BIGINT NOT NULL,
  CHECK ((route IS NULL) = (mg_per_kg IS NULL))
);

-- One session record per appointment; version grows with every change and travels with its events.
CREATE TABLE session_record
(
  id             UUID PRIMARY KEY,
  appointment_id UUID NOT NULL,
  patient_id     UUID NOT NULL,
  patient_name   TEXT,
  status         TEXT NOT NULL,
  route          TEXT NOT NULL,
  mg_per_kg      NUMERIC NOT NULL,
  opened_by      TEXT NOT NULL,
  opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  dose_mg        NUMERIC(6, 2) CHECK (dose_mg > 0),
  phq9_total     INT CHECK (phq9_total BETWEEN 0 AND 27),
  notes          TEXT,
  completed_by   TEXT,
  completed_at   TIMESTAMP WITH TIME ZONE,
  version        BIGINT NOT NULL,
  CONSTRAINT session_record_one_per_appointment UNIQUE (appointment_id),
  CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);
CREATE INDEX session_record_patient_idx ON session_record (patient_id, opened_at);

-- Vital-sign readings are measurements: never edited or removed (corrections come as addenda).
CREATE TABLE vitals_reading
(
  id               BIGSERIAL PRIMARY KEY,
  session_id       UUID NOT NULL REFERENCES session_record (id),
  taken_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  taken_by         TEXT NOT NULL,
  systolic         INT NOT NULL,
  diastolic        INT NOT NULL,
  heart_rate       INT NOT NULL,
  spo2             INT NOT NULL,
  respiratory_rate INT NOT NULL,
  breaches         JSONB NOT NULL
);
CREATE INDEX vitals_reading_session_idx ON vitals_reading (session_id, taken_at, id);

CREATE FUNCTION vitals_reading_is_a_measurement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a vitals reading cannot be changed or removed; record an addendum instead';
END $$;
CREATE TRIGGER vitals_reading_immutable
  BEFORE UPDATE OR DELETE ON vitals_reading
  FOR EACH ROW EXECUTE FUNCTION vitals_reading_is_a_measurement();
