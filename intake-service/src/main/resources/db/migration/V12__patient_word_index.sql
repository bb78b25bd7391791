-- The quick search by words of the name. The trigram index on whole names (V3) reads, for each part searched, the
-- lists of every name holding each of its trigrams: at a million patients 10-30 ms a part, as the commonest trigrams
-- are in a tenth of all names. Here each word of each name is a row beside its patient, in a B-tree: a part searched is
-- the range of words it begins, read in index order, and the parts' patients are intersected. Words are split at
-- anything that is not a letter or digit, so "Müller-Nüesch" is found by "nuesch" too. The words of the register
-- (patient_name_word, V11) stay for the search with a letter wrong, now split the same way and read by nearness.
CREATE TABLE patient_word
(
  word       TEXT COLLATE "C" NOT NULL,
  patient_id UUID             NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  PRIMARY KEY (word, patient_id)
);
CREATE INDEX patient_word_patient_idx ON patient_word (patient_id);

CREATE OR REPLACE FUNCTION patient_name_words() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM patient_word WHERE patient_id = NEW.id;
  END IF;
  INSERT INTO patient_word (word, patient_id)
  SELECT DISTINCT w, NEW.id FROM regexp_split_to_table(NEW.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT DO NOTHING;
  INSERT INTO patient_name_word (word)
  SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$$;

INSERT INTO patient_word (word, patient_id)
SELECT DISTINCT w, id FROM patient, regexp_split_to_table(search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
ON CONFLICT DO NOTHING;

TRUNCATE patient_name_word;
INSERT INTO patient_name_word (word)
SELECT DISTINCT word FROM patient_word;

-- the nearest words to one mistyped, by trigram distance, from a GiST index (a GIN index cannot order by nearness)
DROP INDEX patient_name_word_trgm_idx;
CREATE INDEX patient_name_word_trgm_idx ON patient_name_word USING gist (word gist_trgm_ops);
