-- Maintenance boosters: a clinician sets the interval per patient's course (no fixed schedule exists). The current
-- interval is kept here; every setting is also kept in booster_interval_history.
CREATE TABLE booster_interval
(
  course_id     UUID PRIMARY KEY REFERENCES course (id),
  interval_days INT NOT NULL CHECK (interval_days > 0),
  reason        TEXT,
  set_by        TEXT NOT NULL,
  set_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE booster_interval_history
(
  id            BIGSERIAL PRIMARY KEY,
  course_id     UUID NOT NULL REFERENCES course (id),
  interval_days INT NOT NULL,
  reason        TEXT,
  set_by        TEXT NOT NULL,
  set_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
