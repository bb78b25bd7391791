-- Versioned thresholds of the eligibility rules. Version 1 holds the DOMAIN.md defaults (the only place they are
-- set); an administrator adds a version, never edits one. Each screening's proposal names the version it used.
CREATE TABLE rule_settings_version
(
  version                  INT PRIMARY KEY CHECK (version > 0),
  absolute_systolic_above  INT NOT NULL,
  absolute_diastolic_above INT NOT NULL,
  review_systolic_above    INT NOT NULL,
  review_diastolic_above   INT NOT NULL,
  minimum_age_years        INT NOT NULL,
  abstinence_months        INT NOT NULL,
  required_failed_trials   INT NOT NULL,
  changed_by               TEXT NOT NULL,
  changed_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  reason                   TEXT NOT NULL,
  CHECK (review_systolic_above <= absolute_systolic_above AND review_diastolic_above <= absolute_diastolic_above)
);

INSERT INTO rule_settings_version (version, absolute_systolic_above, absolute_diastolic_above, review_systolic_above,
  review_diastolic_above, minimum_age_years, abstinence_months, required_failed_trials, changed_by, changed_at, reason)
VALUES (1, 180, 100, 140, 90, 18, 12, 2, 'migration V4', now(),
  'DOMAIN.md defaults: uncontrolled hypertension > 180/100, review > 140/90, age < 18, abstinent >= 1 year, '
  || 'treatment-resistant depression >= 2 failed adequate antidepressant trials');

CREATE FUNCTION rule_settings_version_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a rule settings version cannot be changed; add a new version instead';
END $$;
CREATE TRIGGER rule_settings_version_immutable
  BEFORE UPDATE OR DELETE ON rule_settings_version
  FOR EACH ROW EXECUTE FUNCTION rule_settings_version_is_kept();

-- The clinical history the rules read (diagnoses, antidepressant trials, medical history, substance use, mood
-- stabiliser, current medications), the referral indication at screening, and the settings version of the
-- proposal. Screenings recorded before V4 have no history and no settings version.
ALTER TABLE screening
  ADD COLUMN clinical_history JSONB,
  ADD COLUMN indication       TEXT,
  ADD COLUMN rules_version    INT REFERENCES rule_settings_version (version);
