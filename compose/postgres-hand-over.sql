-- Gives every object of the public schema that the database's owner role does not own yet (and that is not part of
-- an extension) to that role: what an earlier version made as the superuser, before the services had roles of
-- their own. Run as the superuser, connected to the database, with the owner role in the setting clinic.owner
-- (SELECT set_config('clinic.owner', 'intake_owner', false)). Used by compose's one-shot postgres-roles
-- (compose/postgres-roles.sh) and by the embedded launcher (DatabaseRoles; its build copies this file) on every start. REASSIGN OWNED BY postgres cannot do
-- this: the bootstrap superuser owns the system catalogs too.
DO $handover$
DECLARE
  owner_role CONSTANT name := current_setting('clinic.owner');
  owner_oid CONSTANT oid := (SELECT oid FROM pg_roles WHERE rolname = owner_role);
  r record;
BEGIN
  FOR r IN
    SELECT c.oid::regclass AS name,
           CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE'
                          ELSE 'TABLE' END AS kind
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND c.relowner <> owner_oid
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO %I', r.kind, r.name, owner_role);
  END LOOP;
  -- sequences of serial columns went with their tables; the rest are standalone
  FOR r IN
    SELECT c.oid::regclass AS name FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND c.relowner <> owner_oid
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                      AND d.deptype IN ('a', 'i', 'e'))
  LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, owner_role);
  END LOOP;
  FOR r IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p
    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> owner_oid
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, owner_role);
  END LOOP;
  FOR r IN
    SELECT t.oid::regtype AS name FROM pg_type t
    WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> owner_oid
      AND (t.typtype IN ('e', 'd', 'r', 'm')
           OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'))
      AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, owner_role);
  END LOOP;
END $handover$;
