package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/**
 * Every planned infusion of the course was given: the induction is complete and boosters are to be planned.
 * {@code aggregateVersion} is the course's version after it.
 */
@EventType("clinic.scheduling.course-completed.v1")
public record CourseCompleted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		int completedInfusions, Instant completedAt) implements ClinicEvent {

	static CourseCompleted of(Course course, Instant completedAt) {
		return new CourseCompleted(UUID.randomUUID(), course.patientId(), course.version(), completedAt, course.id(),
				course.completedInfusions(), completedAt);
	}
}
