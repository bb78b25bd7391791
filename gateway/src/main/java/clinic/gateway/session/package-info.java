/**
 * Web sessions kept in PostgreSQL (database {@code gateway}) so that several gateways can serve the same browser.
 * <p>
 * Spring Session offers reactive repositories only for Redis and MongoDB; its JDBC repository is blocking and
 * Spring Boot auto-configures it for servlet applications only. This package adapts the blocking
 * {@code JdbcIndexedSessionRepository} to {@code ReactiveSessionRepository}, running every database call on
 * Reactor's bounded-elastic scheduler so no event-loop thread ever waits on JDBC. The tables are created by
 * Flyway ({@code db/migration}), never by Spring Session itself.
 * <p>
 * A session ends after 30 minutes without use (idle) or 10 hours after sign-in (absolute); a read writes the
 * session's row at most once a minute, to move its idle clock, while any change to it is saved at once.
 */
package clinic.gateway.session;
