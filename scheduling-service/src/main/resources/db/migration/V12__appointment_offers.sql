-- IHE ITI Scheduling over FHIR (issue 13): $find proposes appointments, $hold holds them for a while, $book books
-- them. A proposal is kept so that $hold and $book can name it (appointment-reference); a hold is a proposal with
-- held_until in the future. One offer_group is one $find answer's single appointment, or a whole induction course
-- (held and booked together). Expiry is read on the database's clock (now()), everywhere the same.
CREATE TABLE appointment_offer
(
  id                   UUID PRIMARY KEY,
  offer_group          UUID NOT NULL,
  sequence             INT NOT NULL CHECK (sequence > 0),
  group_size           INT NOT NULL CHECK (group_size >= sequence),
  kind                 TEXT NOT NULL CHECK (kind IN ('INFUSION', 'CONSULTATION')),
  patient_id           UUID NOT NULL,
  course_id            UUID REFERENCES course (id),
  chair_id             UUID REFERENCES chair (id),
  consultation_slot_id UUID REFERENCES consultation_slot (id) ON DELETE CASCADE,
  site_id              UUID NOT NULL REFERENCES site (id),
  clinician            TEXT,
  start_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  offered_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  held_until           TIMESTAMP WITH TIME ZONE,
  held_by              TEXT,
  CHECK (end_at > start_at),
  CHECK ((kind = 'INFUSION') = (chair_id IS NOT NULL AND course_id IS NOT NULL)),
  CHECK ((kind = 'CONSULTATION') = (consultation_slot_id IS NOT NULL)),
  CHECK ((held_until IS NULL) = (held_by IS NULL))
);
CREATE INDEX appointment_offer_group_idx ON appointment_offer (offer_group);
CREATE INDEX appointment_offer_held_chair_idx ON appointment_offer (chair_id, start_at) WHERE held_until IS NOT NULL;
CREATE INDEX appointment_offer_held_patient_idx ON appointment_offer (patient_id, start_at) WHERE held_until IS NOT NULL;

-- The database has the last word on holds as on bookings: a hold is taken only while its chair, consultation slot and
-- patient are free of bookings and of other live holds, and a live hold refuses any booking of its chair, slot or
-- patient at an overlapping time (the web UI's too). Expired holds (held_until passed) count for nothing. Each check
-- takes the same per-patient, per-chair and per-slot locks, always in that order, so that a hold and a booking made
-- at the same moment queue up and the second, reading afresh, sees the first. Refusals carry SQLState 23P01 and the
-- name of the rule, as the exclusion constraints' do.
CREATE FUNCTION scheduling_time_locks(patient UUID, chair UUID, slot UUID) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('scheduling.patient-time:' || patient::text, 0));
  IF chair IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('scheduling.chair-time:' || chair::text, 0));
  END IF;
  IF slot IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('scheduling.consultation-slot:' || slot::text, 0));
  END IF;
END $$;

CREATE FUNCTION offer_held_free() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW.held_until IS NULL THEN
    RETURN NEW;
  END IF;
  PERFORM scheduling_time_locks(NEW.patient_id, NEW.chair_id, NEW.consultation_slot_id);
  IF NEW.chair_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM appointment a WHERE a.chair_id = NEW.chair_id AND a.status <> 'cancelled'
        AND tstzrange(a.start_at, a.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
    RAISE EXCEPTION 'the chair is booked at that time'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_chair_booked';
  END IF;
  IF NEW.consultation_slot_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM consultation c WHERE c.slot_id = NEW.consultation_slot_id AND c.status <> 'cancelled') THEN
    RAISE EXCEPTION 'the consultation slot is booked'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_slot_booked';
  END IF;
  IF EXISTS (
      SELECT 1 FROM appointment a WHERE a.patient_id = NEW.patient_id AND a.status <> 'cancelled'
        AND tstzrange(a.start_at, a.end_at) && tstzrange(NEW.start_at, NEW.end_at))
     OR EXISTS (
      SELECT 1 FROM consultation c WHERE c.patient_id = NEW.patient_id AND c.status <> 'cancelled'
        AND tstzrange(c.start_at, c.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
    RAISE EXCEPTION 'the patient is booked at that time'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_patient_booked';
  END IF;
  IF NEW.chair_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM appointment_offer o WHERE o.chair_id = NEW.chair_id AND o.offer_group <> NEW.offer_group
        AND o.held_until > now() AND tstzrange(o.start_at, o.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
    RAISE EXCEPTION 'the chair is held at that time'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_chair_held';
  END IF;
  IF NEW.consultation_slot_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM appointment_offer o WHERE o.consultation_slot_id = NEW.consultation_slot_id
        AND o.offer_group <> NEW.offer_group AND o.held_until > now()) THEN
    RAISE EXCEPTION 'the consultation slot is held'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_slot_held';
  END IF;
  IF EXISTS (
      SELECT 1 FROM appointment_offer o WHERE o.patient_id = NEW.patient_id AND o.offer_group <> NEW.offer_group
        AND o.held_until > now() AND tstzrange(o.start_at, o.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
    RAISE EXCEPTION 'the patient is held at that time'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'offer_patient_held';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER appointment_offer_held_free
  BEFORE INSERT OR UPDATE OF held_until ON appointment_offer FOR EACH ROW EXECUTE FUNCTION offer_held_free();

-- A booking (infusion, booster or consultation) of a held chair, slot or patient is refused while the hold lives.
-- Booking a hold itself first removes the hold, in the booking's transaction.
CREATE FUNCTION booking_not_held() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NEW.status = 'cancelled' THEN
    RETURN NEW;
  END IF;
  IF TG_TABLE_NAME = 'appointment' THEN
    PERFORM scheduling_time_locks(NEW.patient_id, NEW.chair_id, NULL);
    IF EXISTS (
        SELECT 1 FROM appointment_offer o WHERE o.chair_id = NEW.chair_id AND o.held_until > now()
          AND tstzrange(o.start_at, o.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
      RAISE EXCEPTION 'the chair is held at that time by another client'
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'appointment_chair_held';
    END IF;
  ELSE
    PERFORM scheduling_time_locks(NEW.patient_id, NULL, NEW.slot_id);
    IF NEW.slot_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointment_offer o WHERE o.consultation_slot_id = NEW.slot_id AND o.held_until > now()) THEN
      RAISE EXCEPTION 'the consultation slot is held by another client'
        USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'consultation_slot_held';
    END IF;
  END IF;
  IF EXISTS (
      SELECT 1 FROM appointment_offer o WHERE o.patient_id = NEW.patient_id AND o.held_until > now()
        AND tstzrange(o.start_at, o.end_at) && tstzrange(NEW.start_at, NEW.end_at)) THEN
    RAISE EXCEPTION 'the patient is held at that time by another client'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = TG_TABLE_NAME || '_patient_held';
  END IF;
  RETURN NEW;
END $$;

-- named to run before the *_patient_in_one_place triggers (alphabetical), which take the same patient lock
CREATE TRIGGER appointment_not_held
  BEFORE INSERT ON appointment FOR EACH ROW EXECUTE FUNCTION booking_not_held();
CREATE TRIGGER consultation_not_held
  BEFORE INSERT ON consultation FOR EACH ROW EXECUTE FUNCTION booking_not_held();
