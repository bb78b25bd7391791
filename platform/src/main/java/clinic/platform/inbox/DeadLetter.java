package clinic.platform.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A record this service's consumer parked in its dead-letter topic, as an administrator sees it: where it came from,
 * which event it was (when it could be read), why it was parked and when, and its replays so far.
 */
public record DeadLetter(UUID id, String deadLetterTopic, int deadLetterPartition, long deadLetterOffset,
		@Nullable String originalTopic, @Nullable Integer originalPartition, @Nullable Long originalOffset,
		@Nullable String key, @Nullable String eventId, @Nullable String eventType, @Nullable String subject,
		@Nullable String exception, @Nullable String exceptionMessage, Instant parkedAt, int replays,
		@Nullable Instant lastReplayedAt, @Nullable String lastReplayedBy, @Nullable String lastReplayOutcome) {

	/** The record itself, to replay it: its CloudEvents headers (binary mode) and its value. */
	public record Content(Map<String, String> ceHeaders, byte @Nullable [] value) {
	}

	/** The id of the record at this place in the dead-letter topic: the same on every copy, so copies are idempotent. */
	public static UUID idOf(String topic, int partition, long offset) {
		return UUID.nameUUIDFromBytes((topic + "-" + partition + "@" + offset).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
