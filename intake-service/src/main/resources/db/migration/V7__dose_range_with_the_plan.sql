-- The clinic's mg/kg range a clinician signed the plan within travels with it (eligibility-decided's dose plan), so the
-- session service checks the dose given against the range of the decision, not a copy of its own. Decisions signed
-- before this have none: the session service gives no dose by such a plan until a clinician signs again.
ALTER TABLE eligibility_decision
  ADD COLUMN min_mg_per_kg NUMERIC CHECK (min_mg_per_kg > 0),
  ADD COLUMN max_mg_per_kg NUMERIC CHECK (max_mg_per_kg >= min_mg_per_kg);
