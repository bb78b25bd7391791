package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/**
 * A serious adverse event paused the course; its future appointments are held. {@code aggregateVersion} is the
 * course's version after the pause.
 */
@EventType("clinic.scheduling.course-paused.v1")
public record CoursePaused(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		String reason, UUID adverseEventId, List<UUID> heldAppointmentIds) implements ClinicEvent {

	static CoursePaused of(Course course, UUID adverseEventId, List<UUID> held, Instant at) {
		return new CoursePaused(UUID.randomUUID(), course.patientId(), course.version(), at, course.id(),
				course.pauseReason(), adverseEventId, List.copyOf(held));
	}
}
