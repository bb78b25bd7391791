package clinic.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

/** What a failure of the record store tells the caller: try again later (503), try again now (409), or a 500. */
class StoreFailureProblemsTest {

	private final ProblemHandling handling = new ProblemHandling();

	@Test
	void givenTheStoreCannotBeReachedThenA503WithRetryAfter() {
		var lost = new TransactionSystemException("rollback failed", new SQLException("I/O error", "08006"));
		var answer = handling.storeFailure(lost);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
		var refused = handling.storeFailure(new DataAccessResourceFailureException("down", new SQLException("x", "57P01")));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void givenTwoChangesMetAtTheSameMomentThenA409() {
		var answer = handling.storeFailure(new CannotAcquireLockException("deadlock", new SQLException("x", "40P01")));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void givenAnyOtherStoreFailureThenA500ProblemNotAnOutage() {
		var answer = handling.storeFailure(new InvalidDataAccessResourceUsageException("bad grammar"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isNull();
	}
}
