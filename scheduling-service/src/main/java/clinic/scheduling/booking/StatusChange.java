package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One status change of an appointment; {@code from} is null for the booking itself. */
public record StatusChange(UUID appointmentId, @Nullable AppointmentStatus from, AppointmentStatus to,
		@Nullable String reason, String by, Instant at) {
}
