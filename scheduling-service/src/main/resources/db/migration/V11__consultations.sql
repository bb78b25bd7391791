-- Consultation first (issue 11): a referred patient's consultation is booked into a clinician's consultation slot.

-- What scheduling knows of every patient intake registers, before any eligibility decision: the identity the front
-- desk and the clinician read (from patient-registered and patient-updated, at intake's version of the patient: an
-- older event changes nothing), and consultation_version, scheduling's own count of the changes to the patient's
-- consultations, which every consultation event carries (intake keeps the newest it has seen).
CREATE TABLE registered_patient
(
  id                   UUID PRIMARY KEY,
  mrn                  TEXT NOT NULL,
  given_name           TEXT NOT NULL,
  family_name          TEXT NOT NULL,
  birth_date           DATE NOT NULL,
  version              BIGINT NOT NULL,
  consultation_version BIGINT NOT NULL DEFAULT 0,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The referrals intake received (referral-received), each once. A patient without one is not booked a consultation.
-- No reference to registered_patient: a referral may arrive before its patient's registration.
CREATE TABLE patient_referral
(
  id                  UUID PRIMARY KEY,
  patient_id          UUID NOT NULL,
  referring_clinician TEXT NOT NULL,
  indication          TEXT NOT NULL,
  received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX patient_referral_patient_idx ON patient_referral (patient_id);

-- A consultation booked into a consultation slot, with FHIR R4 statuses. The slot's site, clinician and time are
-- copied, so the record stays whole when an administrator later removes a slot nobody holds (slot_id set null).
-- The database has the last word: one consultation (not cancelled) per slot, one booked consultation per patient at a
-- time, and no patient in two consultations at once.
CREATE TABLE consultation
(
  id                  UUID PRIMARY KEY,
  slot_id             UUID REFERENCES consultation_slot (id) ON DELETE SET NULL,
  patient_id          UUID NOT NULL REFERENCES registered_patient (id),
  site_id             UUID NOT NULL REFERENCES site (id),
  room_id             UUID REFERENCES room (id),
  clinician           TEXT NOT NULL,
  start_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'cancelled', 'noshow')),
  cancellation_reason TEXT,
  rescheduled_from    UUID REFERENCES consultation (id),
  booked_by           TEXT NOT NULL,
  booked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (end_at > start_at),
  CONSTRAINT consultation_cancelled_with_reason CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL),
  CONSTRAINT consultation_patient_no_overlap
    EXCLUDE USING gist (patient_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'cancelled')
);
CREATE UNIQUE INDEX consultation_one_per_slot ON consultation (slot_id) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX consultation_one_booked_per_patient ON consultation (patient_id) WHERE status = 'booked';
CREATE UNIQUE INDEX consultation_rescheduled_once ON consultation (rescheduled_from) WHERE rescheduled_from IS NOT NULL;
CREATE INDEX consultation_start_idx ON consultation (start_at);
CREATE INDEX consultation_clinician_idx ON consultation (clinician, start_at);

-- One row per status change of a consultation; from_status is null for the booking itself.
CREATE TABLE consultation_history
(
  id              BIGSERIAL PRIMARY KEY,
  consultation_id UUID NOT NULL REFERENCES consultation (id),
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  reason          TEXT,
  changed_by      TEXT NOT NULL,
  changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX consultation_history_consultation_idx ON consultation_history (consultation_id, id);

-- A patient is in one place at a time, across infusions and consultations. Each table's exclusion constraint keeps
-- its own rows apart; between the two tables this trigger decides. It takes a per-patient lock first, so that two
-- transactions booking the same patient at the same moment (one an infusion, one a consultation) queue up, and the
-- second, reading afresh once the first has committed, sees its row. Refusals carry SQLState 23P01 and a name.
CREATE FUNCTION patient_in_one_place() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW.status = 'cancelled' THEN
    RETURN NEW;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtextextended('scheduling.patient-time:' || NEW.patient_id::text, 0));
  IF TG_TABLE_NAME = 'appointment' THEN
    IF EXISTS (SELECT 1 FROM consultation c
               WHERE c.patient_id = NEW.patient_id AND c.status <> 'cancelled'
                 AND tstzrange(c.start_at, c.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
      RAISE EXCEPTION 'the patient has a consultation at that time'
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'appointment_patient_consultation_no_overlap';
    END IF;
  ELSE
    IF EXISTS (SELECT 1 FROM appointment a
               WHERE a.patient_id = NEW.patient_id AND a.status <> 'cancelled'
                 AND tstzrange(a.start_at, a.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
      RAISE EXCEPTION 'the patient has an appointment at that time'
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'consultation_patient_appointment_no_overlap';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER appointment_patient_in_one_place
  BEFORE INSERT ON appointment FOR EACH ROW EXECUTE FUNCTION patient_in_one_place();
CREATE TRIGGER consultation_patient_in_one_place
  BEFORE INSERT ON consultation FOR EACH ROW EXECUTE FUNCTION patient_in_one_place();
