-- Runs once, when the postgres container starts on an empty data volume (docker-entrypoint-initdb.d).
-- One database per service plus the gateway's web sessions and Keycloak's own (docs/runtime.md).
-- Each service creates its tables itself through Flyway; Keycloak through its own migrations.
CREATE DATABASE intake;
CREATE DATABASE scheduling;
CREATE DATABASE session;
CREATE DATABASE gateway;
CREATE DATABASE keycloak;
