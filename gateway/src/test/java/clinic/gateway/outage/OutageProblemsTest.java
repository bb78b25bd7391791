package clinic.gateway.outage;

import java.net.ConnectException;
import java.net.URI;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures are an outage (503 and the like) and which stay an error for Spring Boot's handling. */
class OutageProblemsTest {

	private final OutageProblems problems = new OutageProblems();

	@Test
	void aTransientDatabaseFailureThatIsNoBrokenConnectionIsNoOutage() {
		var exchange = exchange();
		var timedOut = new QueryTimeoutException("canceling statement due to statement timeout");

		assertThatThrownBy(() -> this.problems.handle(exchange, timedOut).block()).isSameAs(timedOut);
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	@Test
	void aFailedRollbackOfAQueryThatWasMerelyWrongIsNoOutage() {
		var exchange = exchange();
		var rollback = new TransactionSystemException("rollback failed");
		rollback.initApplicationException(new IllegalStateException("a bug"));

		assertThatThrownBy(() -> this.problems.handle(exchange, rollback).block()).isSameAs(rollback);
	}

	@Test
	void aTransientFailureOfABrokenConnectionIsTheSessionStoreDown() {
		var exchange = exchange();
		var broken = new TransientDataAccessResourceException("query failed",
				new SQLException("An I/O error occurred while sending to the backend.", "08006"));

		this.problems.handle(exchange, broken).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
			.isEqualTo(OutageProblems.RETRY_AFTER_SECONDS);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("Sign-in store unavailable");
	}

	@Test
	void keycloakNotReachedIsTheSignInServiceDown() {
		var exchange = exchange();
		var refused = new WebClientRequestException(new ConnectException("Connection refused"), HttpMethod.POST,
				URI.create("http://keycloak/token"), HttpHeaders.EMPTY);

		this.problems.handle(exchange, refused).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("Sign-in service unavailable");
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/api/intake/patients"));
	}

}
