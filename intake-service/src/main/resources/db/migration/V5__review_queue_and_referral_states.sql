-- Decisions supersede, never edit: a later decision names the one it replaces (the head of the chain is the
-- patient's current decision). Each decision is superseded at most once, so two clinicians superseding the same
-- decision cannot both win. Adding a column does not fire the row trigger that refuses updates.
ALTER TABLE eligibility_decision
  ADD COLUMN supersedes_id UUID REFERENCES eligibility_decision (id);
CREATE UNIQUE INDEX eligibility_decision_supersedes_idx ON eligibility_decision (supersedes_id);

-- Referral states: RECEIVED -> CONSULTATION_BOOKED -> SCREENED -> DECIDED (forward only, enforced in the domain),
-- attachments as metadata only ([{name, mediaType, sizeBytes, reference}]).
ALTER TABLE referral
  ADD COLUMN attachments JSONB NOT NULL DEFAULT '[]';

UPDATE referral r SET state = 'SCREENED'
  FROM patient p WHERE p.id = r.patient_id AND p.status = 'SCREENED' AND r.state = 'RECEIVED';
UPDATE referral r SET state = 'DECIDED'
  FROM patient p WHERE p.id = r.patient_id AND p.status IN ('CLEARED', 'DECLINED') AND r.state = 'RECEIVED';

ALTER TABLE referral
  ADD CONSTRAINT referral_state_known CHECK (state IN ('RECEIVED', 'CONSULTATION_BOOKED', 'SCREENED', 'DECIDED')),
  ADD CONSTRAINT referral_attachments_array CHECK (jsonb_typeof(attachments) = 'array');
