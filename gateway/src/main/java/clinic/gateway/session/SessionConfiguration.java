package clinic.gateway.session;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * Puts the WebFlux {@code WebSession} into PostgreSQL. {@link EnableSpringWebSession} registers the
 * {@code webSessionManager}; it keeps Spring Boot's cookie resolver, so the {@code server.reactive.session.cookie.*}
 * properties (name {@code SESSION}, HttpOnly, SameSite=Lax) still apply.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

	@Bean
	JdbcIndexedSessionRepository jdbcIndexedSessionRepository(DataSource dataSource,
			@Value("${server.reactive.session.timeout:30m}") Duration timeout,
			@Value("${clinic.gateway.session-cleanup-cron:0 * * * * *}") String cleanupCron) {
		var repository = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)));
		repository.setDefaultMaxInactiveInterval(timeout);
		// attributes read before are not deserialized again on every call
		repository.setConversionService(RememberedAttributes.conversions());
		// Deletes expired rows; every gateway runs it, the DELETE is idempotent.
		repository.setCleanupCron(cleanupCron);
		// Upserts attributes, so two requests of one browser racing to write the same attribute do not fail.
		new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
		return repository;
	}

	/**
	 * The idle clock ({@code server.reactive.session.timeout}) is stamped at most once per touch interval; the
	 * absolute timeout ends a session however active it is.
	 */
	@Bean
	ReactiveSessionRepository<Session> reactiveSessionRepository(JdbcIndexedSessionRepository jdbcRepository,
			@Value("${clinic.gateway.session.touch-interval:1m}") Duration touchInterval,
			@Value("${clinic.gateway.session.absolute-timeout:10h}") Duration absoluteTimeout) {
		return new JdbcReactiveSessionRepository(jdbcRepository, touchInterval, absoluteTimeout);
	}

}
