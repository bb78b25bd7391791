-- Optional questionnaires beside PHQ-9 (null when not given) and the urgent flag (suicide-risk review first).
ALTER TABLE screening
  ADD COLUMN gad7_items          INT[],
  ADD COLUMN gad7_total          INT,
  ADD COLUMN gad7_band           TEXT,
  ADD COLUMN pcl5_items          INT[],
  ADD COLUMN pcl5_total          INT,
  -- the clinic's cut-off in force when scored: a later settings change does not rewrite earlier screenings
  ADD COLUMN pcl5_cutoff         INT,
  ADD COLUMN pcl5_probable_ptsd  BOOLEAN,
  ADD COLUMN cssrs_q1            BOOLEAN,
  ADD COLUMN cssrs_q2            BOOLEAN,
  ADD COLUMN cssrs_q3            BOOLEAN,
  ADD COLUMN cssrs_q4            BOOLEAN,
  ADD COLUMN cssrs_q5            BOOLEAN,
  ADD COLUMN cssrs_q6            BOOLEAN,
  ADD COLUMN cssrs_high_risk     BOOLEAN,
  ADD COLUMN urgent              BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE screening SET urgent = suicide_risk;

ALTER TABLE screening
  ADD CONSTRAINT screening_gad7_complete CHECK ((gad7_items IS NULL) = (gad7_total IS NULL)),
  ADD CONSTRAINT screening_pcl5_complete CHECK ((pcl5_items IS NULL) = (pcl5_total IS NULL)
    AND (pcl5_items IS NULL) = (pcl5_cutoff IS NULL)),
  ADD CONSTRAINT screening_cssrs_complete CHECK ((cssrs_q1 IS NULL) = (cssrs_high_risk IS NULL));
