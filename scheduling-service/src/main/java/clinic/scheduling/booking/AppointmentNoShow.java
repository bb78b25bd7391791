package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.courses.Course;

/** The patient did not come to a booked appointment; {@code aggregateVersion} is the course's version after it. */
@EventType("clinic.scheduling.appointment-no-show.v1")
public record AppointmentNoShow(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID appointmentId, UUID courseId) implements ClinicEvent {

	static AppointmentNoShow of(Appointment appointment, Course course, Instant at) {
		return new AppointmentNoShow(UUID.randomUUID(), appointment.patientId(), course.version(), at,
				appointment.id(), course.id());
	}
}
