package clinic.gateway.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

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
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Says what is wrong when something the gateway depends on is down, instead of Spring's bare 500: a service that
 * cannot be reached (refused, connect timeout, unknown host) is a 503 with {@code Retry-After}, one that does not
 * answer within the response timeout a 504, one that breaks off its answer a 502, and the gateway's own session store
 * (PostgreSQL) being unreachable a 503 with {@code Retry-After}; all as problem+json, so the pages show it like any
 * other refusal. Anything else goes on to Spring Boot's error handling (ordered after this one).
 */
@Component
@Order(-2)
class OutageProblems implements WebExceptionHandler {

	/** Seconds a client should wait before trying again: a restarted service or database is back within that. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final List<Class<? extends Throwable>> SESSION_STORE_DOWN = List.of(
			CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessException.class, RecoverableDataAccessException.class,
			SQLTransientConnectionException.class, SQLNonTransientConnectionException.class,
			// a pooled connection the stopped database broke: the query fails, then so does its rollback
			TransactionSystemException.class);

	private static final List<Class<? extends Throwable>> UNREACHABLE = List.of(ConnectException.class,
			UnknownHostException.class, NoRouteToHostException.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (causedBy(ex, SESSION_STORE_DOWN)) {
			return retryLater(exchange, "Sign-in store unavailable",
					"The clinic cannot check your sign-in right now. Try again in a few seconds.");
		}
		if (causedBy(ex, List.of(TimeoutException.class))) {
			return ProblemResponses.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "Service did not answer in time",
					"The " + service(exchange) + " did not answer in time. Check whether your change was made "
							+ "before you try again.");
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

	private static boolean causedBy(Throwable ex, List<Class<? extends Throwable>> kinds) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			Throwable current = cause;
			if (kinds.stream().anyMatch(kind -> kind.isInstance(current))) {
				return true;
			}
		}
		return false;
	}

}
