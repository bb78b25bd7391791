-- The infusion chart from check-in to signed discharge (issue 5). Every clinical entry is kept as entered: what
-- changes is added (readings, alerts, side effects, scores, adverse events) and a signed record changes no more;
-- corrections to a signed record are addenda.

ALTER TABLE session_record
  -- check-in
  ADD COLUMN checked_in_by          TEXT,
  ADD COLUMN checked_in_at          TIMESTAMP WITH TIME ZONE,
  ADD COLUMN identity_confirmed     BOOLEAN,
  ADD COLUMN escort_confirmed       BOOLEAN,
  ADD COLUMN escort_name            TEXT,
  ADD COLUMN fasting                BOOLEAN,
  ADD COLUMN medication_changes     TEXT,
  ADD COLUMN phq9_items             JSONB,
  -- a clinician's confirmation to dose despite a pre-dose blood pressure above the clinic's limit
  ADD COLUMN bp_reading_taken_at    TIMESTAMP WITH TIME ZONE,
  ADD COLUMN bp_cleared_by          TEXT,
  ADD COLUMN bp_cleared_at          TIMESTAMP WITH TIME ZONE,
  ADD COLUMN bp_clearance_reason    TEXT,
  -- dosing (dose_mg exists since V1: the dose actually given)
  ADD COLUMN weight_kg              NUMERIC(5, 2) CHECK (weight_kg > 0),
  ADD COLUMN planned_dose_mg        NUMERIC(6, 2) CHECK (planned_dose_mg > 0),
  ADD COLUMN infusion_rate_mg_per_h NUMERIC(7, 2) CHECK (infusion_rate_mg_per_h > 0),
  ADD COLUMN drug_lot               TEXT,
  ADD COLUMN prepared_by            TEXT,
  ADD COLUMN administered_by        TEXT,
  ADD COLUMN dosed_at               TIMESTAMP WITH TIME ZONE,
  ADD COLUMN infusion_ended_by      TEXT,
  ADD COLUMN infusion_ended_at      TIMESTAMP WITH TIME ZONE,
  -- discharge checklist, as the nurse last checked it
  ADD COLUMN vitals_near_baseline   BOOLEAN,
  ADD COLUMN alert_and_oriented     BOOLEAN,
  ADD COLUMN steady_gait            BOOLEAN,
  ADD COLUMN escort_present         BOOLEAN,
  ADD COLUMN instructions_given     BOOLEAN,
  ADD COLUMN discharge_checked_by   TEXT,
  ADD COLUMN discharge_checked_at   TIMESTAMP WITH TIME ZONE,
  -- sign-off: the record is COMPLETED once nurse and clinician have both signed
  ADD COLUMN nurse_signed_by        TEXT,
  ADD COLUMN nurse_signed_at        TIMESTAMP WITH TIME ZONE,
  ADD COLUMN clinician_signed_by    TEXT,
  ADD COLUMN clinician_signed_at    TIMESTAMP WITH TIME ZONE,
  ADD CONSTRAINT session_record_dosed_with_everything CHECK ((dosed_at IS NULL) = (weight_kg IS NULL)
    AND (dosed_at IS NULL) = (administered_by IS NULL) AND (dosed_at IS NULL) = (drug_lot IS NULL));

-- Records completed before sign-off existed were completed by a nurse alone.
UPDATE session_record SET nurse_signed_by = completed_by, nurse_signed_at = completed_at WHERE status = 'COMPLETED';

-- The phase a reading was taken in decides which schedule it belongs to. Readings taken before this migration were
-- taken during the session, without a recorded dose.
ALTER TABLE vitals_reading ADD COLUMN phase TEXT NOT NULL DEFAULT 'INFUSION'
  CHECK (phase IN ('PRE_DOSE', 'INFUSION', 'RECOVERY'));
ALTER TABLE vitals_reading ALTER COLUMN phase DROP DEFAULT;

-- A reading beyond a monitoring threshold raises an alert; it stays open until someone records what was done.
CREATE TABLE session_alert
(
  id            UUID PRIMARY KEY,
  -- the order entries were made in (times can be equal)
  position      BIGINT GENERATED ALWAYS AS IDENTITY,
  session_id    UUID NOT NULL REFERENCES session_record (id),
  raised_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  phase         TEXT NOT NULL,
  breaches      JSONB NOT NULL,
  action        TEXT CHECK (action IN ('PAUSE', 'SLOW', 'STOP', 'CONTINUE')),
  action_reason TEXT,
  action_by     TEXT,
  action_at     TIMESTAMP WITH TIME ZONE,
  CHECK ((action IS NULL) = (action_at IS NULL) AND (action IS NULL) = (action_by IS NULL)),
  CHECK (action IS DISTINCT FROM 'CONTINUE' OR action_reason IS NOT NULL)
);
CREATE INDEX session_alert_session_idx ON session_alert (session_id, raised_at);

CREATE TABLE side_effect
(
  id          BIGSERIAL PRIMARY KEY,
  session_id  UUID NOT NULL REFERENCES session_record (id),
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by TEXT NOT NULL,
  effect      TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('MILD', 'MODERATE', 'SEVERE')),
  note        TEXT
);
CREATE INDEX side_effect_session_idx ON side_effect (session_id, recorded_at, id);

-- CADSS-6: items 1, 2, 6, 7, 15 and 22 of the CADSS, 0-4 each.
CREATE TABLE cadss_score
(
  id          BIGSERIAL PRIMARY KEY,
  session_id  UUID NOT NULL REFERENCES session_record (id),
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by TEXT NOT NULL,
  items       JSONB NOT NULL,
  total       INT NOT NULL CHECK (total BETWEEN 0 AND 24)
);
CREATE INDEX cadss_score_session_idx ON cadss_score (session_id, recorded_at, id);

CREATE TABLE adverse_event
(
  id          UUID PRIMARY KEY,
  -- the order entries were made in (times can be equal)
  position    BIGINT GENERATED ALWAYS AS IDENTITY,
  session_id  UUID NOT NULL REFERENCES session_record (id),
  reported_at TIMESTAMP WITH TIME ZONE NOT NULL,
  reported_by TEXT NOT NULL,
  grade       TEXT NOT NULL CHECK (grade IN ('MILD', 'MODERATE', 'SEVERE', 'SERIOUS')),
  description TEXT NOT NULL
);
CREATE INDEX adverse_event_session_idx ON adverse_event (session_id, reported_at);

-- Corrections and late notes, with author and time; allowed on a signed record, never changed themselves.
CREATE TABLE session_addendum
(
  id         UUID PRIMARY KEY,
  -- the order entries were made in (times can be equal)
  position   BIGINT GENERATED ALWAYS AS IDENTITY,
  session_id UUID NOT NULL REFERENCES session_record (id),
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  written_by TEXT NOT NULL,
  text       TEXT NOT NULL
);
CREATE INDEX session_addendum_session_idx ON session_addendum (session_id, written_at);

-- A signed (COMPLETED) record is final, in the database too: no update, and no record is ever deleted.
CREATE FUNCTION session_record_signed_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'session record % cannot be removed', OLD.id;
  END IF;
  IF OLD.status = 'COMPLETED' THEN
    RAISE EXCEPTION 'session record % is signed and cannot be changed; write an addendum instead', OLD.id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER session_record_immutable_once_signed
  BEFORE UPDATE OR DELETE ON session_record
  FOR EACH ROW EXECUTE FUNCTION session_record_signed_is_final();

-- Entries of a record: never removed, never changed (except an alert's recorded action), and none is added to a
-- signed record.
CREATE FUNCTION session_entry_needs_an_open_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% entries are never removed', TG_TABLE_NAME;
  END IF;
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME <> 'session_alert' THEN
    RAISE EXCEPTION '% entries are never changed; record an addendum instead', TG_TABLE_NAME;
  END IF;
  IF EXISTS (SELECT 1 FROM session_record WHERE id = NEW.session_id AND status = 'COMPLETED') THEN
    RAISE EXCEPTION 'session record % is signed and cannot be changed; write an addendum instead', NEW.session_id;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER vitals_reading_needs_an_open_record BEFORE INSERT ON vitals_reading
  FOR EACH ROW EXECUTE FUNCTION session_entry_needs_an_open_record();
CREATE TRIGGER session_alert_needs_an_open_record BEFORE INSERT OR UPDATE OR DELETE ON session_alert
  FOR EACH ROW EXECUTE FUNCTION session_entry_needs_an_open_record();
CREATE TRIGGER side_effect_needs_an_open_record BEFORE INSERT OR UPDATE OR DELETE ON side_effect
  FOR EACH ROW EXECUTE FUNCTION session_entry_needs_an_open_record();
CREATE TRIGGER cadss_score_needs_an_open_record BEFORE INSERT OR UPDATE OR DELETE ON cadss_score
  FOR EACH ROW EXECUTE FUNCTION session_entry_needs_an_open_record();
CREATE TRIGGER adverse_event_needs_an_open_record BEFORE INSERT OR UPDATE OR DELETE ON adverse_event
  FOR EACH ROW EXECUTE FUNCTION session_entry_needs_an_open_record();

CREATE FUNCTION session_addendum_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'an addendum cannot be changed or removed; write another addendum instead';
END $$;
CREATE TRIGGER session_addendum_immutable
  BEFORE UPDATE OR DELETE ON session_addendum
  FOR EACH ROW EXECUTE FUNCTION session_addendum_is_final();
