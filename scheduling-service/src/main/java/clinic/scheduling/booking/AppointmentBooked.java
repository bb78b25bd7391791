package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.calendar.SiteZone;
import clinic.scheduling.courses.Course;

/**
 * An infusion or booster of a course was booked in a chair; {@code aggregateVersion} is the course's version after
 * it. It names the site and its time zone (the appointment's day is its start's date there) and the course's
 * planned induction infusions, so a nurse's day list can say "infusion 2 of 6" at the right local time.
 */
@EventType("clinic.scheduling.appointment-booked.v1")
public record AppointmentBooked(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID appointmentId, UUID courseId, String patientName, UUID chairId, String chairName, AppointmentKind kind,
		int sequence, Instant start, Instant end, UUID siteId, String siteName, String timeZone,
		int courseInfusions) implements ClinicEvent {

	static AppointmentBooked of(Appointment appointment, Course course, SiteZone site) {
		return new AppointmentBooked(UUID.randomUUID(), appointment.patientId(), course.version(),
				appointment.bookedAt(), appointment.id(), course.id(), course.patientName(), appointment.chairId(),
				appointment.chairName(), appointment.kind(), appointment.sequence(), appointment.start(),
				appointment.end(), site.siteId(), site.siteName(), site.zone().getId(), course.plannedInfusions());
	}
}
