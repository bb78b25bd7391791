package clinic.session.entries;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An entry answered once: who sent it where ({@code operation}: method and path), a SHA-256 of its body, and the
 * answer given (status, JSON body, the record's version after it).
 */
public record StoredEntry(String idempotencyKey, String requestedBy, String operation, String requestHash, int status,
		String responseBody, @Nullable Long recordVersion, Instant answeredAt) {

	/** Whether an entry is this one sent again: by the same user, to the same place, with the same body. */
	boolean isRepeatedBy(String user, String sentTo, String bodyHash) {
		return requestedBy.equals(user) && operation.equals(sentTo) && requestHash.equals(bodyHash);
	}
}
