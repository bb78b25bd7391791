-- btree_gist lets one exclusion constraint combine "same chair" (=) with "overlapping time" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Clinic resources. The seeded site and chairs keep their ids, so other systems and the UI can rely on them.
CREATE TABLE site
(
  id   UUID PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE chair
(
  id      UUID PRIMARY KEY,
  site_id UUID NOT NULL REFERENCES site (id),
  name    TEXT NOT NULL,
  UNIQUE (site_id, name)
);

INSERT INTO site (id, name) VALUES ('517e0000-0000-4000-8000-000000000001', 'Main clinic');
INSERT INTO chair (id, site_id, name) VALUES
  ('c4a10000-0000-4000-8000-000000000001', '517e0000-0000-4000-8000-000000000001', 'Chair 1'),
  ('c4a10000-0000-4000-8000-000000000002', '517e0000-0000-4000-8000-000000000001', 'Chair 2'),
  ('c4a10000-0000-4000-8000-000000000003', '517e0000-0000-4000-8000-000000000001', 'Chair 3'),
  ('c4a10000-0000-4000-8000-000000000004', '517e0000-0000-4000-8000-000000000001', 'Chair 4');

-- What scheduling knows of intake's patients: a projection of eligibility-decided events. The version is
-- intake's aggregate version; an event older than the one held is dropped.
CREATE TABLE patient
(
  id          UUID PRIMARY KEY,
  name        TEXT NOT NULL,
  eligibility TEXT NOT NULL,
  version     BIGINT NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE course
(
  id                  UUID PRIMARY KEY,
  patient_id          UUID NOT NULL,
  patient_name        TEXT NOT NULL,
  status              TEXT NOT NULL,
  planned_infusions   INT NOT NULL CHECK (planned_infusions > 0),
  completed_infusions INT NOT NULL CHECK (completed_infusions >= 0),
  version             BIGINT NOT NULL,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CHECK (completed_infusions <= planned_infusions)
);
CREATE INDEX course_status_idx ON course (status, created_at);
-- A patient has at most one open course.
CREATE UNIQUE INDEX course_one_open_per_patient ON course (patient_id) WHERE status IN ('TO_PLAN', 'ACTIVE');

-- Appointments with FHIR R4 statuses. The exclusion constraints are the final word on double booking: no chair
-- and no patient is ever in two places at once (cancelled appointments free their time).
CREATE TABLE appointment
(
  id           UUID PRIMARY KEY,
  course_id    UUID NOT NULL REFERENCES course (id),
  patient_id   UUID NOT NULL,
  chair_id     UUID NOT NULL REFERENCES chair (id),
  kind         TEXT NOT NULL,
  sequence     INT NOT NULL CHECK (sequence > 0),
  start_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  end_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow')),
  booked_by    TEXT NOT NULL,
  booked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  fulfilled_at TIMESTAMP WITH TIME ZONE, -- when session-service reported the session completed
  CHECK (end_at > start_at),
  CONSTRAINT appointment_chair_no_overlap
    EXCLUDE USING gist (chair_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'cancelled'),
  CONSTRAINT appointment_patient_no_overlap
    EXCLUDE USING gist (patient_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX appointment_course_idx ON appointment (course_id, sequence);
