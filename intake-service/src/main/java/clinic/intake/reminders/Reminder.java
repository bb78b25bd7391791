package clinic.intake.reminders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A reminder planned or sent; {@code status} PENDING, SENDING, DONE or CANCELLED. */
public record Reminder(UUID id, UUID patientId, ReminderKind kind, @Nullable UUID courseId,
		@Nullable UUID appointmentId, Instant dueAt, String status, int attempts, @Nullable String closeReason) {
}
