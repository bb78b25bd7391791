package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/** An appointment was cancelled; {@code aggregateVersion} is the course's version after it. */
@EventType("clinic.scheduling.appointment-cancelled.v1")
public record AppointmentCancelled(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID appointmentId, UUID courseId, String reason) implements ClinicEvent {

	static AppointmentCancelled of(Appointment appointment, Course course, String reason, Instant at) {
		return new AppointmentCancelled(UUID.randomUUID(), appointment.patientId(), course.version(), at,
				appointment.id(), course.id(), reason);
	}
}
