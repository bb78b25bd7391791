-- The waitlist: a patient whose course has infusions left to book waits for an earlier slot, with their wishes
-- (weekdays, wall-clock times, chair attributes). When a booked appointment is cancelled or moved, its freed slot
-- is offered to the best-matching waiting patients in order (rank 1 first); the first to accept books it.
CREATE TABLE waitlist_entry
(
  id               UUID PRIMARY KEY,
  course_id        UUID NOT NULL REFERENCES course (id),
  patient_id       UUID NOT NULL,
  site_id          UUID NOT NULL REFERENCES site (id),
  days             INT[] NOT NULL DEFAULT '{}', -- ISO weekdays that suit; empty: any
  earliest_start   TIME,
  latest_end       TIME,
  chair_attributes TEXT[] NOT NULL DEFAULT '{}',
  note             TEXT,
  status           TEXT NOT NULL CHECK (status IN ('WAITING', 'BOOKED', 'WITHDRAWN')),
  created_by       TEXT NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at        TIMESTAMP WITH TIME ZONE,
  CHECK (earliest_start IS NULL OR latest_end IS NULL OR earliest_start < latest_end)
);
-- A course waits at most once at a time.
CREATE UNIQUE INDEX waitlist_entry_one_waiting_per_course ON waitlist_entry (course_id) WHERE status = 'WAITING';
CREATE INDEX waitlist_entry_waiting_idx ON waitlist_entry (site_id, created_at) WHERE status = 'WAITING';

CREATE TABLE waitlist_offer
(
  id          UUID PRIMARY KEY,
  entry_id    UUID NOT NULL REFERENCES waitlist_entry (id),
  chair_id    UUID NOT NULL REFERENCES chair (id),
  start_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  freed_by    UUID NOT NULL REFERENCES appointment (id), -- the cancelled or moved appointment
  rank        INT NOT NULL CHECK (rank > 0),
  status      TEXT NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'TAKEN')),
  offered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  answered_by TEXT,
  answered_at TIMESTAMP WITH TIME ZONE,
  UNIQUE (entry_id, freed_by),
  UNIQUE (freed_by, rank)
);
CREATE INDEX waitlist_offer_entry_idx ON waitlist_offer (entry_id, offered_at);
