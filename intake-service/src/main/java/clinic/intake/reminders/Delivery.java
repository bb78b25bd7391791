package clinic.intake.reminders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A reminder's outcome on one channel: SENDING (handed over, answer not yet known), SENT, FAILED (tried again later
 * until the attempts are used), UNKNOWN (the sender died mid-send: not sent again, so never twice), or
 * SKIPPED_NO_CONSENT.
 */
public record Delivery(UUID reminderId, Channel channel, Outcome outcome, @Nullable String address, int attempts,
		@Nullable String detail, Instant updatedAt) {

	public enum Outcome {
		SENDING, SENT, FAILED, UNKNOWN, SKIPPED_NO_CONSENT;

		/** Whether this channel is finished with (nothing more to send on it). */
		public boolean closed() {
			return this != FAILED;
		}
	}
}
