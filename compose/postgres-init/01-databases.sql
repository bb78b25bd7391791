-- Runs once, when the postgres container starts on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service plus the gateway's web sessions and Keycloak's own (docs/runtime.md).
-- Each service creates its tables itself through Flyway; Keycloak through its own migrations. The one-shot
-- postgres-roles (compose/postgres-roles.sh, on every up) then gives each service's database to its owner role and
-- makes the application role the service runs as.
CREATE DATABASE intake;
CREATE DATABASE scheduling;
CREATE DATABASE session;
CREATE DATABASE gateway;
CREATE DATABASE keycloak;
