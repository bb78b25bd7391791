package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/**
 * A course was closed before it was finished, because a newer eligibility decision declined the patient: its future
 * appointments (each also announced as appointment-cancelled) are {@code cancelledAppointmentIds}. {@code
 * aggregateVersion} is the course's version after all of it.
 */
@EventType("clinic.scheduling.course-cancelled.v1")
public record CourseCancelled(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		String reason, @Nullable UUID decisionId, List<UUID> cancelledAppointmentIds) implements ClinicEvent {

	static CourseCancelled of(Course course, @Nullable UUID decisionId, List<UUID> cancelled, Instant at) {
		return new CourseCancelled(UUID.randomUUID(), course.patientId(), course.version(), at, course.id(),
				course.cancellationReason(), decisionId, List.copyOf(cancelled));
	}
}
