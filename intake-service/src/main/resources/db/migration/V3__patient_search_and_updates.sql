-- Forgiving, fast patient search (names without accents and in any order, phone by digits, MRN, birth date)
-- and duplicate detection on registration. Both extensions are "trusted" since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could be changed), so it cannot feed an index or a generated
-- column. This wrapper pins the dictionary; the SQL-standard body is bound when created (no search_path at run
-- time). Queries must normalize with the same function so the index and the query agree.
CREATE FUNCTION patient_search_text(value TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(unaccent('unaccent'::regdictionary, value));

-- Phone digits without the leading zeros of a trunk or international prefix: "+41 44 123 45 67",
-- "0041 44 123 45 67" and a query "044 123" all meet in "41441234567" / "44123".
CREATE FUNCTION patient_phone_digits(value TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN ltrim(regexp_replace(value, '[^0-9]', '', 'g'), '0');

ALTER TABLE patient
  ADD COLUMN search_name TEXT GENERATED ALWAYS AS (patient_search_text(given_name || ' ' || family_name)) STORED,
  ADD COLUMN phone_digits TEXT GENERATED ALWAYS AS (patient_phone_digits(phone)) STORED;

CREATE INDEX patient_search_name_trgm_idx ON patient USING gin (search_name gin_trgm_ops);
CREATE INDEX patient_phone_digits_trgm_idx ON patient USING gin (phone_digits gin_trgm_ops);
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
