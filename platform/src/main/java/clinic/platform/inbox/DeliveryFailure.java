package clinic.platform.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

import clinic.contracts.EventContractViolation;

/**
 * Why handling an event failed, as far as what to do next goes: a record that can never be handled (park it at
 * once), a dependency that is down (the database or the broker: wait as long as it takes, never park a valid event
 * for it), or anything else (a few tries, then park).
 * <p>
 * An outage stops the whole consumer (every partition waits, without end), so only a failure to reach the database or
 * the broker counts as one. What one event's own work runs into, however transient it looks (a query timeout, a lock
 * not acquired, a deadlock or serialization failure, any {@code TransientDataAccessException}), is {@link #OTHER}:
 * retried a bounded number of times and then parked, so that an event that always times out or deadlocks cannot hold
 * the consumer for good.
 */
public enum DeliveryFailure {

	/** Unreadable, or data that breaks the producer's contract: straight to the dead-letter topic. */
	POISON,
	/** The database or broker cannot be reached: retried with capped back-off until it is back. */
	OUTAGE,
	/** Anything else: a bounded number of retries, then the dead-letter topic. */
	OTHER;

	/**
	 * The failures that make a record {@link #POISON}, wherever they are in the chain of causes: the error handler
	 * never retries them either ({@code addNotRetryableExceptions}).
	 */
	public static final List<Class<? extends Exception>> POISON_TYPES = List.of(UnreadableEventException.class,
			EventContractViolation.class, DeserializationException.class);

	/**
	 * SQL states of a lost or refused connection besides class 08 (connection exception): 57P01-57P05 (administrator
	 * or crash shutdown, cannot connect now, database dropped, idle session ended) and 53300 (too many connections).
	 */
	private static final Set<String> CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "57P04", "57P05", "53300");

	public static DeliveryFailure of(Throwable failure) {
		boolean outage = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (isPoison(cause)) {
				return POISON;
			}
			outage |= isOutage(cause);
		}
		return outage ? OUTAGE : OTHER;
	}

	private static boolean isPoison(Throwable cause) {
		return POISON_TYPES.stream().anyMatch(type -> type.isInstance(cause));
	}

	/**
	 * The database or the broker cannot be reached: no JDBC connection to be had (the pool's
	 * {@link SQLTransientConnectionException} and the driver's {@link SQLNonTransientConnectionException} included, so a
	 * {@link CannotCreateTransactionException} counts when its cause does), a connection refused, lost or ended by the
	 * server (SQL states 08xxx, 57P0x, 53300), or a Kafka error the client calls retriable.
	 */
	private static boolean isOutage(Throwable cause) {
		if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
				|| cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
				|| cause instanceof org.apache.kafka.common.errors.RetriableException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			var state = sql.getSQLState();
			return state.startsWith("08") || CONNECTION_STATES.contains(state);
		}
		return false;
	}
}
