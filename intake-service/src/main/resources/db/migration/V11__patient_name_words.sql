-- The words of the register's names, each once, for the search with a letter wrong: pg_trgm's advice for spelling
-- suggestions ("a table of unique words"). Matching a mistyped word against every name of a large register reads the
-- trigram index's long lists of rows for common trigrams (a million names share few of them); against the names' words,
-- a few thousand rows, it is quick, and the words found are then searched as typed, through the names' own index.
-- A word stays when the last name holding it changes: it then finds no one, which costs nothing.
CREATE TABLE patient_name_word
(
  word TEXT PRIMARY KEY
);
CREATE INDEX patient_name_word_trgm_idx ON patient_name_word USING gin (word gin_trgm_ops);

CREATE FUNCTION patient_name_words() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  INSERT INTO patient_name_word (word)
  SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_name, '\s+') AS w WHERE w <> ''
  ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER patient_name_words
  AFTER INSERT OR UPDATE OF given_name, family_name ON patient
  FOR EACH ROW EXECUTE FUNCTION patient_name_words();

INSERT INTO patient_name_word (word)
SELECT DISTINCT w FROM patient, regexp_split_to_table(search_name, '\s+') AS w WHERE w <> ''
ON CONFLICT (word) DO NOTHING;
