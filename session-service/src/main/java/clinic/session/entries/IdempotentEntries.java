package clinic.session.entries;

import java.util.Optional;

/** Where the answers to entries sent with an Idempotency-Key are kept; each is written once. */
public interface IdempotentEntries {

	/**
	 * Holds the key until the transaction ends: a repeat sent while the first sending is still at work waits for its
	 * answer.
	 */
	void lock(String idempotencyKey);

	Optional<StoredEntry> find(String idempotencyKey);

	void insert(StoredEntry entry);
}
