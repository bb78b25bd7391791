#!/usr/bin/env bash
# One-shot, on every `docker compose up`, before the services: each service's database gets an owner role
# (<db>_owner: owns the database and everything in it, runs the migrations) and an application role (<db>_app: the
# service runs as it, may connect to its own database only, owns nothing; the service's Flyway callback grants it its
# rows). Creates what is missing, sets the passwords from the environment, and hands what an earlier version made as
# the superuser to the owner role, so an existing postgres-data volume keeps working. Keycloak's database keeps its
# owner (Keycloak connects as postgres); PUBLIC may no longer connect to it, nor to postgres. The same steps as the
# embedded launcher's DatabaseRoles and PostgresComponent (docs/runtime.md "Database roles").
set -euo pipefail

: "${CLINIC_DB_OWNER_PASSWORD:?}" "${CLINIC_DB_APP_PASSWORD:?}"
# The passwords go to psql through its environment (\getenv), not its command line (visible to ps). PostgreSQL hashes
# a password it is sent as SQL text, so that text must stay out of its log: this session logs no statement, not
# even one that fails (log_min_error_statement), whatever the server's settings.
for db in intake scheduling session gateway; do
  psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$db" -v owner="${db}_owner" -v app="${db}_app" <<'SQL'
SET log_min_error_statement = panic;
SET log_statement = 'none';
\getenv owner_password CLINIC_DB_OWNER_PASSWORD
\getenv app_password CLINIC_DB_APP_PASSWORD
SELECT format('CREATE ROLE %I', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I', :'app') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'owner', :'owner_password') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'app', :'app_password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner') \gexec
SELECT format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I, %I', :'db', :'owner', :'app') \gexec
SQL
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT set_config('clinic.owner', '${db}_owner', false)" \
       -f /opt/clinic/postgres-hand-over.sql
  echo "postgres-roles: $db owned by ${db}_owner, used by ${db}_app"
done
# No service role has any business in the superuser's database or Keycloak's (Keycloak connects as postgres).
psql -X -q -v ON_ERROR_STOP=1 -d postgres \
     -c 'REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC' \
     -c 'REVOKE CONNECT, TEMPORARY ON DATABASE keycloak FROM PUBLIC'
echo "postgres-roles: databases postgres and keycloak closed to PUBLIC"
