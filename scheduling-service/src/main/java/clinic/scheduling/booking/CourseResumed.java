package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseStatus;

/**
 * A clinician resumed the paused course; its held appointments are released. {@code status} is where the course is
 * now (TO_PLAN, ACTIVE, or COMPLETED when every induction infusion was given); {@code adverseEventIds} are every
 * pausing adverse event of the course this resumption answers.
 */
@EventType("clinic.scheduling.course-resumed.v1")
public record CourseResumed(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		String reason, String resumedBy, CourseStatus status, List<UUID> adverseEventIds) implements ClinicEvent {

	static CourseResumed of(Course course, String reason, String resumedBy, Instant at, List<UUID> adverseEventIds) {
		return new CourseResumed(UUID.randomUUID(), course.patientId(), course.version(), at, course.id(), reason,
				resumedBy, course.status(), List.copyOf(adverseEventIds));
	}
}
