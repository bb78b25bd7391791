package clinic.scheduling.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/**
 * A whole course was booked at once, every occurrence checked; {@code aggregateVersion} is the course's version
 * after it. Each occurrence was also announced as an appointment-booked event.
 */
@EventType("clinic.scheduling.course-planned.v1")
public record CoursePlanned(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID courseId,
		int plannedInfusions, List<Occurrence> appointments) implements ClinicEvent {

	public record Occurrence(UUID appointmentId, int sequence, UUID chairId, String chairName, Instant start,
			Instant end) {
	}

	static CoursePlanned of(Course course, List<Appointment> booked, Instant at) {
		return new CoursePlanned(UUID.randomUUID(), course.patientId(), course.version(), at, course.id(),
				course.plannedInfusions(),
				booked.stream()
					.map(a -> new Occurrence(a.id(), a.sequence(), a.chairId(), a.chairName(), a.start(), a.end()))
					.toList());
	}
}
