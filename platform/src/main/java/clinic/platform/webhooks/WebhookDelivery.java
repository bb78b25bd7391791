package clinic.platform.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One event for one subscription, and how sending it went so far. */
public record WebhookDelivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String subject,
		Instant occurredAt, Status status, int attempts, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
		@Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant deliveredAt, int replays,
		@Nullable String lastReplayedBy, Instant createdAt) {

	/** PENDING: to be sent (again); DELIVERED: the receiver answered 2xx; FAILED: given up on (the dead letter). */
	public enum Status {
		PENDING, DELIVERED, FAILED
	}
}
