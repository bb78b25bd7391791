-- Each site keeps time on its own clock: the IANA zone its opening hours, rotas, closure days and appointment days
-- are read in (e.g. America/New_York). Null: the clinic's zone (clinic.scheduling.time-zone), as every site had before.
ALTER TABLE site ADD COLUMN time_zone TEXT CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64);
