-- Each instance keeps the sites' calendars it plans on in memory (SiteCalendarCache): every change of an appointment
-- tells every instance which site's calendar changed. NOTIFY is delivered only once the change commits, and the same
-- site named twice in one transaction arrives once.
CREATE FUNCTION notify_site_calendar() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('site_calendar', site_id::text) FROM chair WHERE id = OLD.chair_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('site_calendar', site_id::text) FROM chair WHERE id = NEW.chair_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER appointment_site_calendar
  AFTER INSERT OR UPDATE OR DELETE ON appointment FOR EACH ROW EXECUTE FUNCTION notify_site_calendar();
