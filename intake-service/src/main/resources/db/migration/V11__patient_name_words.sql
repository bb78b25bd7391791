-- The quick search by the words of the name. The trigram index on whole names (V3) reads, for each part searched,
-- the lists of every name holding each of its trigrams: at a million patients 10-30 ms a part, as the commonest
-- trigrams are in a tenth of all names, and a search with a letter wrong (the whole name's similarity) hundreds of
-- ms. Here each word of each name is a row beside its patient, in a B-tree in byte order: a part searched is the range
-- of words it begins, read from the index alone, and the parts' patients are intersected. Words are split at anything
-- that is not a letter or digit, so "Müller-Nüesch" is found by "nuesch" too.
CREATE TABLE patient_word
(
  word       TEXT COLLATE "C" NOT NULL,
  patient_id UUID             NOT NULL REFERENCES patient (id) ON DELETE CASCADE,
  PRIMARY KEY (word, patient_id)
);
CREATE INDEX patient_word_patient_idx ON patient_word (patient_id);

-- The register's words, each once, for a word searched that begins none of them (a letter wrong): pg_trgm's advice
-- for spelling suggestions ("a table of unique words"), a few tens of thousands of words where the register has a
-- million names, read by trigram distance from a GiST index (a GIN index cannot order by nearness). A word stays when
-- the last name holding it changes: it then finds no one, which costs nothing.
CREATE TABLE patient_name_word
(
  word TEXT PRIMARY KEY
);
CREATE INDEX patient_name_word_trgm_idx ON patient_name_word USING gist (word gist_trgm_ops);

CREATE FUNCTION patient_name_words() RETURNS trigger
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

CREATE TRIGGER patient_name_words
  AFTER INSERT OR UPDATE OF given_name, family_name ON patient
  FOR EACH ROW EXECUTE FUNCTION patient_name_words();

INSERT INTO patient_word (word, patient_id)
SELECT DISTINCT w, id FROM patient, regexp_split_to_table(search_name, '[^[:alnum:]]+') AS w WHERE w <> ''
ON CONFLICT DO NOTHING;

INSERT INTO patient_name_word (word)
SELECT DISTINCT word FROM patient_word
ON CONFLICT (word) DO NOTHING;
