package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/** A clinician resumed the paused course; its held appointments are released. */
@EventType("clinic.scheduling.course-resumed.v1")
public record CourseResumed(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		String reason, String resumedBy) implements ClinicEvent {

	static CourseResumed of(Course course, String reason, String resumedBy, Instant at) {
		return new CourseResumed(UUID.randomUUID(), course.patientId(), course.version(), at, course.id(), reason,
				resumedBy);
	}
}
