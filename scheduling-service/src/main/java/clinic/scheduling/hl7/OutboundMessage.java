package clinic.scheduling.hl7;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An SIU message to the configured receiver and how its delivery stands: {@code PENDING} (due at {@code nextAttemptAt},
 * or waiting for an earlier message of its appointment), {@code SENT} (the receiver's ACK, {@code ackCode}, accepted
 * it) or {@code FAILED} (a dead letter after the last attempt; {@code lastError} says why) until replayed.
 */
public record OutboundMessage(UUID id, long seq, String controlId, String triggerEvent, String kind, UUID placerId,
		UUID appointmentId, UUID patientId, String message, Status status, int attempts, Instant nextAttemptAt,
		@Nullable String lastError, @Nullable String ackCode, Instant createdAt, @Nullable Instant sentAt, int replays,
		@Nullable String lastReplayedBy, @Nullable Instant lastReplayedAt) {

	public enum Status {
		PENDING, SENT, FAILED
	}
}
