package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/** An infusion of a course was booked in a chair; {@code aggregateVersion} is the course's version after it. */
@EventType("clinic.scheduling.appointment-booked.v1")
public record AppointmentBooked(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID appointmentId, UUID courseId, String patientName, UUID chairId, String chairName, AppointmentKind kind,
		int sequence, Instant start, Instant end) implements ClinicEvent {

	static AppointmentBooked of(Appointment appointment, Course course) {
		return new AppointmentBooked(UUID.randomUUID(), appointment.patientId(), course.version(),
				appointment.bookedAt(), appointment.id(), course.id(), course.patientName(), appointment.chairId(),
				appointment.chairName(), appointment.kind(), appointment.sequence(), appointment.start(),
				appointment.end());
	}
}
