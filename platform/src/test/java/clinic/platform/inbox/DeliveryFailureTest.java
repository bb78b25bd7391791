package clinic.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

import clinic.contracts.EventContractViolation;

/**
 * What the consumer does with a failed event depends on why it failed. Only a database or broker that cannot be reached
 * is an outage (the consumer waits as long as it takes); what one event's own work runs into, however transient (a
 * timeout, a lock, a deadlock), is retried a bounded number of times and parked, so that it cannot stop the consumer.
 */
class DeliveryFailureTest {

	static Stream<Arguments> failures() {
		return Stream.of(
				// the database or the broker cannot be reached: wait without end
				failure(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"), DeliveryFailure.OUTAGE),
				failure(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "55000",
								new SQLException("database is not currently accepting connections", "55000"))),
						DeliveryFailure.OUTAGE),
				failure(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException())),
						DeliveryFailure.OUTAGE),
				failure(new SQLNonTransientConnectionException("connection closed"), DeliveryFailure.OUTAGE),
				failure(sql("08006", "An I/O error occurred while sending to the backend"), DeliveryFailure.OUTAGE),
				failure(sql("57P01", "terminating connection due to administrator command"), DeliveryFailure.OUTAGE),
				failure(sql("57P03", "the database system is starting up"), DeliveryFailure.OUTAGE),
				failure(sql("53300", "too many connections for role"), DeliveryFailure.OUTAGE),
				failure(new org.apache.kafka.common.errors.TimeoutException("Expiring record"), DeliveryFailure.OUTAGE),
				failure(listenerFailed(new CannotCreateTransactionException("Could not open JDBC Connection",
						new SQLTransientConnectionException("Connection is not available"))), DeliveryFailure.OUTAGE),

				// the event's own work failed, transient or not: a bounded number of tries, then the dead-letter topic
				failure(new QueryTimeoutException("canceling statement due to statement timeout",
						sql("57014", "canceling statement due to statement timeout")), DeliveryFailure.OTHER),
				failure(new CannotAcquireLockException("could not obtain lock on row", sql("55P03", "lock not available")),
						DeliveryFailure.OTHER),
				failure(new PessimisticLockingFailureException("deadlock detected", sql("40P01", "deadlock detected")),
						DeliveryFailure.OTHER),
				failure(new ConcurrencyFailureException("could not serialize access",
						new SQLTransactionRollbackException("could not serialize access", "40001")), DeliveryFailure.OTHER),
				failure(sql("40001", "could not serialize access due to concurrent update"), DeliveryFailure.OTHER),
				failure(sql("40P01", "deadlock detected"), DeliveryFailure.OTHER),
				failure(new SQLTimeoutException("query timed out"), DeliveryFailure.OTHER),
				failure(new TransientDataAccessResourceException("a transient failure"), DeliveryFailure.OTHER),
				failure(new RecoverableDataAccessException("recoverable"), DeliveryFailure.OTHER),
				failure(new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
						new IllegalStateException("the pool is closed")), DeliveryFailure.OTHER),
				failure(listenerFailed(new IllegalArgumentException("no such course")), DeliveryFailure.OTHER),
				failure(sql("23505", "duplicate key value violates unique constraint"), DeliveryFailure.OTHER),

				// never handled as it is: parked at once
				failure(listenerFailed(new UnreadableEventException("no data", null)), DeliveryFailure.POISON),
				failure(listenerFailed(new EventContractViolation("clinic.x.v1", List.of("$.patientId: not a uuid"))),
						DeliveryFailure.POISON),
				failure(new DeserializationException("not a cloud event", new byte[0], false, null),
						DeliveryFailure.POISON));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("failures")
	void givenAFailureThenItIsClassifiedByWhyItFailed(Throwable failure, DeliveryFailure expected) {
		assertThat(DeliveryFailure.of(failure)).isEqualTo(expected);
	}

	private static Arguments failure(Throwable failure, DeliveryFailure kind) {
		return Arguments.of(failure, kind);
	}

	private static SQLException sql(String state, String message) {
		return new SQLException(message, state);
	}

	private static ListenerExecutionFailedException listenerFailed(Throwable cause) {
		return new ListenerExecutionFailedException("Listener method threw an exception", cause);
	}
}
