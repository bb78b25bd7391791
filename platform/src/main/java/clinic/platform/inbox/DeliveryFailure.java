package clinic.platform.inbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;

import clinic.contracts.EventContractViolation;

/**
 * Why handling an event failed, as far as what to do next goes: a record that can never be handled (park it at
 * once), an event that arrived before one it depends on (wait a while), a dependency that is down (the database or
 * the broker: wait as long as it takes, never park a valid event for it), or anything else (a few tries, then park).
 */
public enum DeliveryFailure {

	/** Unreadable, or data that breaks the producer's contract: straight to the dead-letter topic. */
	POISON,
	/** The event depends on one not seen yet ({@link EventNotYetSeenException}): retried for a bounded while. */
	EARLY,
	/** The database or broker cannot be reached: retried with capped back-off until it is back. */
	OUTAGE,
	/** Anything else: a bounded number of retries, then the dead-letter topic. */
	OTHER;

	/**
	 * SQL states of a lost or refused connection: class 08 (connection exception), 57P01-57P03 (administrator or
	 * crash shutdown, cannot connect now), 53300 (too many connections), and the serialization failure and deadlock
	 * a retry resolves (40001, 40P01).
	 */
	private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "53300", "40001", "40P01");

	public static DeliveryFailure of(Throwable failure) {
		boolean early = false;
		boolean outage = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof UnreadableEventException || cause instanceof EventContractViolation
					|| cause instanceof DeserializationException) {
				return POISON;
			}
			early |= cause instanceof EventNotYetSeenException;
			outage |= isOutage(cause);
		}
		return early ? EARLY : outage ? OUTAGE : OTHER;
	}

	private static boolean isOutage(Throwable cause) {
		if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
				|| cause instanceof DataAccessResourceFailureException
				|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
				|| cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException
				|| cause instanceof ConnectException || cause instanceof SocketTimeoutException
				|| cause instanceof org.apache.kafka.common.errors.RetriableException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			var state = sql.getSQLState();
			return state.startsWith("08") || TRANSIENT_STATES.contains(state);
		}
		return false;
	}
}
