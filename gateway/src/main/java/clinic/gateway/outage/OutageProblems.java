package clinic.gateway.outage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Predicate;

import clinic.gateway.security.ProblemResponses;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Says what is wrong when something the gateway depends on is down, instead of Spring's bare 500: a service that
 * cannot be reached (refused, connect timeout, unknown host) is a 503 with {@code Retry-After}, one that does not
 * answer within the response timeout a 504, one that breaks off its answer a 502, Keycloak not reachable while a token
 * is refreshed a 503 with {@code Retry-After} naming the sign-in service, and the gateway's own session store
 * (PostgreSQL) being unreachable a 503 with {@code Retry-After}; all as problem+json, so the pages show it like any
 * other refusal. Anything else goes on to {@link clinic.gateway.security.ErrorProblems} (ordered after this one).
 * <p>
 * The session store counts as down only for a failure to connect: a connection that cannot be had, or one that
 * broke. A transaction that failed for another reason (a deadlock, a lock or statement timeout, a failed rollback
 * of a query that was merely wrong) is not an outage and stays a 500.
 */
@Component
@Order(-3)
class OutageProblems implements WebExceptionHandler {

	/** Seconds a client should wait before trying again: a restarted service or database is back within that. */
	static final String RETRY_AFTER_SECONDS = "5";

	/** Failures that say by their kind alone that the session store cannot be reached. */
	private static final List<Class<? extends Throwable>> SESSION_STORE_DOWN = List.of(
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			RecoverableDataAccessException.class, SQLTransientConnectionException.class,
			SQLNonTransientConnectionException.class);

	/**
	 * Failures that mean the store is down only when a broken connection caused them: a pooled connection the
	 * stopped database broke makes the query fail, then its rollback (TransactionSystemException); a transient
	 * failure is as often a deadlock or a timeout.
	 */
	private static final List<Class<? extends Throwable>> SESSION_STORE_DOWN_IF_DISCONNECTED = List
		.of(TransactionSystemException.class, TransientDataAccessException.class);

	private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(ConnectException.class,
			UnknownHostException.class, NoRouteToHostException.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (causedBy(ex, SESSION_STORE_DOWN)
				|| (causedBy(ex, SESSION_STORE_DOWN_IF_DISCONNECTED) && causedBy(ex, OutageProblems::disconnected))) {
			return retryLater(exchange, "Sign-in store unavailable",
					"The clinic cannot check your sign-in right now. Try again in a few seconds.");
		}
		if (causedBy(ex, List.of(TimeoutException.class))) {
			return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Service did not answer in time",
					"The " + service(exchange) + " did not answer in time. Check whether your change was made "
							+ "before you try again.");
		}
		// before the services' checks: the route is known while TokenRelay refreshes, but no service was called
		if (identityProviderFailed(ex)) {
			return retryLater(exchange, "Sign-in service unavailable",
					"The sign-in service cannot be reached right now. Try again in a few seconds.");
		}
		if (causedBy(ex, UNREACHABLE)) {
			return retryLater(exchange, "Service unavailable",
					"The " + service(exchange) + " cannot be reached right now. Try again in a few seconds.");
		}
		if (causedBy(ex, List.of(PrematureCloseException.class))) {
			return ProblemResponses.write(exchange, HttpStatus.BAD_GATEWAY, "Service answer broken off",
					"The " + service(exchange) + " broke off its answer. Check whether your change was made "
							+ "before you try again.");
		}
		return Mono.error(ex);
	}

	private static Mono<Void> retryLater(ServerWebExchange exchange, String title, String detail) {
		if (!exchange.getResponse().isCommitted()) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, title, detail);
	}

	/** The route's id names the service ("intake", "scheduling", "session"): our own words, not the request's. */
	private static String service(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return route == null ? "service" : route.getId() + " service";
	}

	/**
	 * Keycloak could not be asked (refused, unreachable, broken off) while a token was refreshed. The routes reach
	 * the services through the gateway's own HTTP client, never a {@code WebClient}: a request a {@code WebClient}
	 * could not complete is one of Spring Security's OAuth2 calls to the provider (token, user info, keys).
	 */
	private static boolean identityProviderFailed(Throwable ex) {
		return causedBy(ex, List.of(WebClientRequestException.class))
				|| (causedBy(ex, List.of(ClientAuthorizationException.class))
						&& causedBy(ex, List.of(ConnectException.class, UnknownHostException.class,
								NoRouteToHostException.class, PrematureCloseException.class)));
	}

	/** A connection to the database that could not be made, or broke: SQLState class 08, or a socket's failure. */
	private static boolean disconnected(Throwable cause) {
		if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
				|| cause instanceof SocketException || cause instanceof EOFException) {
			return true;
		}
		if (cause instanceof SQLException sql) {
			return (sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
					|| "Connection is closed".equals(sql.getMessage());
		}
		return false;
	}

	private static boolean causedBy(Throwable ex, List<Class<? extends Throwable>> kinds) {
		return causedBy(ex, cause -> kinds.stream().anyMatch(kind -> kind.isInstance(cause)));
	}

	/** Whether the failure or anything in its cause chain (a failed rollback's original failure too) is such. */
	private static boolean causedBy(Throwable ex, Predicate<Throwable> such) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (such.test(cause)) {
				return true;
			}
			if (cause instanceof TransactionSystemException failedRollback
					&& failedRollback.getApplicationException() != null
					&& causedBy(failedRollback.getApplicationException(), such)) {
				return true;
			}
		}
		return false;
	}

}
