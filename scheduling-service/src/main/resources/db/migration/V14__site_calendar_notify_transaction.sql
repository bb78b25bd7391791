-- The site's calendar notification also names the transaction that changed it ("<site> <transaction id>"): the
-- instance that made the change has already put it into its own kept calendar (SiteCalendarCache), and drops the
-- site only for another instance's changes. The same payload twice in one transaction still arrives once.
CREATE OR REPLACE FUNCTION notify_site_calendar() RETURNS trigger
  LANGUAGE plpgsql AS
$$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('site_calendar', site_id::text || ' ' || txid_current()) FROM chair WHERE id = OLD.chair_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('site_calendar', site_id::text || ' ' || txid_current()) FROM chair WHERE id = NEW.chair_id;
  END IF;
  RETURN NULL;
END
$$;
