-- Clinic resources an administrator maintains: sites, rooms, chairs with attributes, opening hours per weekday,
-- closure days, nurse rotas (weekly), extra nurse shifts and absences, clinicians' consultation slots.
-- Every row carries a version that grows with each change (optimistic locking), and resource_revision keeps each
-- version as it was written, with who and when: nothing an administrator changes is lost.

ALTER TABLE site ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE room
(
  id      UUID PRIMARY KEY,
  site_id UUID NOT NULL REFERENCES site (id),
  name    TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (site_id, name)
);
INSERT INTO room (id, site_id, name)
VALUES ('a0000000-0000-4000-8000-000000000001', '517e0000-0000-4000-8000-000000000001', 'Infusion room');

-- A chair is in a room of its site. Attributes are what the front desk may need to match (recliner, monitor, ...).
-- A chair taken out of service is inactive, never deleted: its appointments keep pointing at it.
ALTER TABLE chair ADD COLUMN room_id UUID REFERENCES room (id);
ALTER TABLE chair ADD COLUMN attributes TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE chair ADD COLUMN active BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE chair ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
UPDATE chair SET room_id = 'a0000000-0000-4000-8000-000000000001', attributes = '{recliner,monitor}';
ALTER TABLE chair ALTER COLUMN room_id SET NOT NULL;

-- Opening hours of a site per ISO weekday (1 = Monday). A site without rows keeps the clinic-wide opening hours of
-- the settings (clinic.scheduling.opening-hours); a weekday without a row is closed once the site has any row.
CREATE TABLE site_hours
(
  site_id     UUID NOT NULL REFERENCES site (id),
  day_of_week INT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  opens       TIME NOT NULL,
  closes      TIME NOT NULL,
  PRIMARY KEY (site_id, day_of_week),
  CHECK (opens < closes)
);

-- Whole days a site is closed (holidays, maintenance), on the clinic's calendar.
CREATE TABLE closure
(
  id       UUID PRIMARY KEY,
  site_id  UUID NOT NULL REFERENCES site (id),
  on_date  DATE NOT NULL,
  reason   TEXT NOT NULL,
  version  BIGINT NOT NULL DEFAULT 1,
  UNIQUE (site_id, on_date)
);

-- A nurse's weekly rota at a site: on this ISO weekday from starts to ends (wall clock), watching at most
-- chairs_watched chairs at once, from valid_from until valid_until (inclusive; null: open-ended).
CREATE TABLE nurse_rota
(
  id             UUID PRIMARY KEY,
  site_id        UUID NOT NULL REFERENCES site (id),
  nurse          TEXT NOT NULL,
  day_of_week    INT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  starts         TIME NOT NULL,
  ends           TIME NOT NULL,
  chairs_watched INT NOT NULL CHECK (chairs_watched >= 0),
  valid_from     DATE NOT NULL,
  valid_until    DATE,
  version        BIGINT NOT NULL DEFAULT 1,
  CHECK (starts < ends),
  CHECK (valid_until IS NULL OR valid_from <= valid_until)
);
CREATE INDEX nurse_rota_site_idx ON nurse_rota (site_id, day_of_week);

-- A shift outside the rota (cover, an extra day), on given instants.
CREATE TABLE nurse_shift
(
  id             UUID PRIMARY KEY,
  site_id        UUID NOT NULL REFERENCES site (id),
  nurse          TEXT NOT NULL,
  start_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  chairs_watched INT NOT NULL CHECK (chairs_watched >= 0),
  version        BIGINT NOT NULL DEFAULT 1,
  CHECK (start_at < end_at)
);
CREATE INDEX nurse_shift_site_idx ON nurse_shift (site_id, start_at);

-- A day a nurse is away: their rota shifts at every site are off that day (extra shifts stay).
CREATE TABLE nurse_absence
(
  id       UUID PRIMARY KEY,
  nurse    TEXT NOT NULL,
  on_date  DATE NOT NULL,
  reason   TEXT NOT NULL,
  version  BIGINT NOT NULL DEFAULT 1,
  UNIQUE (nurse, on_date)
);

-- A clinician's time for consultations at a site (room optional); at most one consultation is booked into each.
CREATE TABLE consultation_slot
(
  id        UUID PRIMARY KEY,
  site_id   UUID NOT NULL REFERENCES site (id),
  room_id   UUID REFERENCES room (id),
  clinician TEXT NOT NULL,
  start_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version   BIGINT NOT NULL DEFAULT 1,
  CHECK (start_at < end_at),
  CONSTRAINT consultation_slot_clinician_no_overlap
    EXCLUDE USING gist (clinician WITH =, tstzrange(start_at, end_at) WITH &&)
);

-- Every version of every resource as it was written. change is created, updated or removed.
CREATE TABLE resource_revision
(
  id          BIGSERIAL PRIMARY KEY,
  resource    TEXT NOT NULL,
  resource_id UUID NOT NULL,
  version     BIGINT NOT NULL,
  change      TEXT NOT NULL CHECK (change IN ('created', 'updated', 'removed')),
  snapshot    JSONB NOT NULL,
  changed_by  TEXT NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX resource_revision_resource_idx ON resource_revision (resource, resource_id, id);

CREATE FUNCTION resource_revision_is_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'resource revisions are history: they cannot be changed or removed';
END $$;
CREATE TRIGGER resource_revision_append_only
  BEFORE UPDATE OR DELETE ON resource_revision
  FOR EACH ROW EXECUTE FUNCTION resource_revision_is_history();

-- The seeded site's nurse rota, so that the seeded chairs can be booked from the start: two nurses on weekdays,
-- 08:00–18:00, each watching two chairs (an administrator replaces it with the clinic's own rota).
INSERT INTO nurse_rota (id, site_id, nurse, day_of_week, starts, ends, chairs_watched, valid_from)
SELECT gen_random_uuid(), '517e0000-0000-4000-8000-000000000001', nurse, day, '08:00', '18:00', 2, DATE '2020-01-01'
FROM (VALUES ('Nurse A'), ('Nurse B')) AS nurses (nurse), generate_series(1, 5) AS day;
