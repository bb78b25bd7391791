package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.booking.AppointmentStatus;

/** One status change of a consultation; {@code from} is null for the booking itself. */
public record ConsultationChange(UUID consultationId, @Nullable AppointmentStatus from, AppointmentStatus to,
		@Nullable String reason, String by, Instant at) {
}
