-- What the application role may do with each table, written once for every service (the gateway's build copies
-- this file too). Flyway runs it after every migrate, as the owner role that ran the migrations, so a database
-- migrated before the roles existed is put right on the next start, and so is every table a migration adds.
--
-- The application role (spring.datasource.username, given here as ${application-role}) owns nothing: it cannot
-- alter or drop a table, disable or drop a trigger, or create a table (it has USAGE on the schema, not CREATE).
-- It reads and writes rows, except that records final once written may only be added to and read, by privilege and
-- not only by trigger: the audit trail (every table whose name says audit), signed eligibility decisions, rule and
-- resource versions, measurements and entries of a session record, addenda. A session record and its alerts are
-- updated until they are signed (the trigger keeps a signed one final) and never deleted. Flyway's own history
-- table is the owner's alone. Table names are unique across the services' databases; keep them so.
DO $grants$
DECLARE
  app CONSTANT name := '${application-role}';
  rel record;
  rights text;
  kind text;
BEGIN
  IF app = current_user THEN
    RAISE NOTICE 'migrations and the application use one role (%): nothing to grant', app;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
    RAISE EXCEPTION 'the application role "%" does not exist; create it (LOGIN, nothing else) first: docs/runtime.md', app;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
  FOR rel IN
    SELECT c.oid::regclass AS name, c.relname, c.relkind
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace
      AND c.relkind IN ('r', 'p', 'v', 'S')
      AND c.relname <> '${flyway:table}'
    ORDER BY c.relname
  LOOP
    kind := CASE rel.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END;
    EXECUTE format('REVOKE ALL ON %s %s FROM %I', kind, rel.name, app);
    IF rel.relkind = 'S' THEN
      rights := 'USAGE, SELECT';
    ELSIF rel.relname LIKE '%audit%'
        OR rel.relname IN ('eligibility_decision', 'rule_settings_version', 'resource_revision', 'vitals_reading',
                           'side_effect', 'cadss_score', 'adverse_event', 'session_addendum') THEN
      rights := 'SELECT, INSERT';
    ELSIF rel.relname IN ('session_record', 'session_alert') THEN
      rights := 'SELECT, INSERT, UPDATE';
    ELSIF rel.relname = 'idempotent_entry' THEN
      rights := 'SELECT, INSERT, DELETE';
    ELSE
      rights := 'SELECT, INSERT, UPDATE, DELETE';
    END IF;
    EXECUTE format('GRANT %s ON %s %s TO %I', rights, kind, rel.name, app);
  END LOOP;
END $grants$;
