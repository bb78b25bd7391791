-- Reminders to patients (issue 13, item 6). Intake keeps the patient's contact details and the patient's consent to
-- each channel, follows scheduling's appointments and courses, and sends appointment reminders and course
-- confirmations through every channel the patient consented to.

-- The patient's e-mail address (the phone stays on the patient). One row per patient, written by the front desk.
CREATE TABLE patient_contact
(
  patient_id UUID PRIMARY KEY REFERENCES patient (id),
  email      TEXT,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The patient's consent to be reminded through a channel, as last recorded: who recorded it and when. Opting out is
-- a withdrawn consent (granted false); no row is no consent.
CREATE TABLE patient_channel_consent
(
  patient_id  UUID NOT NULL REFERENCES patient (id),
  channel     TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  granted     BOOLEAN NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (patient_id, channel)
);

-- What scheduling said of each course, the newest news only (the course's aggregate version). No reference to
-- patient: the news is kept as it comes.
CREATE TABLE reminder_course
(
  course_id  UUID PRIMARY KEY,
  patient_id UUID NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'CANCELLED', 'COMPLETED')),
  version    BIGINT NOT NULL
);

-- What scheduling said of each appointment of a course. A cancellation or no-show that comes before its booking is
-- kept (state set, no time yet), so that the late booking never plans a reminder for it.
CREATE TABLE reminder_appointment
(
  appointment_id UUID PRIMARY KEY,
  patient_id     UUID NOT NULL,
  course_id      UUID,
  state          TEXT NOT NULL CHECK (state IN ('BOOKED', 'MOVED', 'CANCELLED', 'NO_SHOW')),
  kind           TEXT,
  sequence       INT,
  course_infusions INT,
  start_at       TIMESTAMP WITH TIME ZONE,
  site_id        UUID,
  site_name      TEXT,
  time_zone      TEXT,
  chair_name     TEXT
);
CREATE INDEX reminder_appointment_course ON reminder_appointment (course_id);

-- A reminder to send: an appointment's (due the lead time before its start) or a course's confirmation (due when its
-- appointments are booked). PENDING until a sender claims it (SENDING, claimed_at), then DONE; CANCELLED when the
-- appointment is cancelled or moved, or the course paused or cancelled, before it went.
CREATE TABLE reminder
(
  id             UUID PRIMARY KEY,
  patient_id     UUID NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('APPOINTMENT', 'COURSE_CONFIRMATION')),
  course_id      UUID,
  appointment_id UUID,
  due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'DONE', 'CANCELLED')),
  attempts       INT NOT NULL DEFAULT 0,
  claimed_at     TIMESTAMP WITH TIME ZONE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at      TIMESTAMP WITH TIME ZONE,
  close_reason   TEXT,
  CHECK ((kind = 'APPOINTMENT') = (appointment_id IS NOT NULL))
);
CREATE INDEX reminder_due ON reminder (due_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX reminder_course_idx ON reminder (course_id);
-- one live appointment reminder per appointment, one course confirmation per course
CREATE UNIQUE INDEX reminder_one_per_appointment ON reminder (appointment_id) WHERE status IN ('PENDING', 'SENDING', 'DONE');
CREATE UNIQUE INDEX reminder_one_confirmation ON reminder (course_id) WHERE kind = 'COURSE_CONFIRMATION';

-- The outcome of a reminder on each channel: SENDING is written (and committed) before the message goes, so a sender
-- that dies mid-send leaves it, and no one sends it again (UNKNOWN once the claim times out): never twice.
CREATE TABLE reminder_delivery
(
  reminder_id UUID NOT NULL REFERENCES reminder (id),
  channel     TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  outcome     TEXT NOT NULL CHECK (outcome IN ('SENDING', 'SENT', 'FAILED', 'UNKNOWN', 'SKIPPED_NO_CONSENT')),
  address     TEXT,
  attempts    INT NOT NULL DEFAULT 0,
  detail      TEXT,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (reminder_id, channel)
);

-- The words of each reminder: the clinic's defaults (site_id null) and a site's own, per kind and channel. Placeholders
-- in braces ({givenName}, {start}, {site}, ...) are filled at sending; times are shown in the site's time zone.
CREATE TABLE reminder_template
(
  id         UUID PRIMARY KEY,
  site_id    UUID,
  kind       TEXT NOT NULL CHECK (kind IN ('APPOINTMENT', 'COURSE_CONFIRMATION')),
  channel    TEXT NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  subject    TEXT,
  body       TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX reminder_template_site ON reminder_template (coalesce(site_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, channel);

INSERT INTO reminder_template (id, site_id, kind, channel, subject, body, updated_by, updated_at)
VALUES ('6b1e7a0e-0d5e-4c1e-9a51-000000000001', NULL, 'APPOINTMENT', 'EMAIL', 'Your infusion on {start}',
        E'Dear {givenName} {familyName},\n\nthis is a reminder of your infusion ({sequence} of {infusions}) on {start} at {site}.\nPlease do not drive yourself home: bring an escort or arrange a ride.\n\nIf you cannot come, please call us.\n\n{site}',
        'migration', now()),
       ('6b1e7a0e-0d5e-4c1e-9a51-000000000002', NULL, 'APPOINTMENT', 'SMS', NULL,
        'Reminder: your infusion on {start} at {site}. Bring an escort; no driving afterwards.', 'migration', now()),
       ('6b1e7a0e-0d5e-4c1e-9a51-000000000003', NULL, 'COURSE_CONFIRMATION', 'EMAIL', 'Your infusion course at {site}',
        E'Dear {givenName} {familyName},\n\nyour infusion course is booked:\n{appointments}\n\nPlease bring an escort to every infusion.\n\n{site}',
        'migration', now()),
       ('6b1e7a0e-0d5e-4c1e-9a51-000000000004', NULL, 'COURSE_CONFIRMATION', 'SMS', NULL,
        'Your infusion course at {site} is booked, first infusion {start}.', 'migration', now());
