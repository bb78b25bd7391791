package clinic.scheduling.booking;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment with what its lifecycle added: why it was cancelled, which appointment it replaced when it was
 * rescheduled, and every status change in order.
 */
public record AppointmentDetail(Appointment appointment, @Nullable String cancellationReason,
		@Nullable UUID rescheduledFrom, List<StatusChange> history) {
}
