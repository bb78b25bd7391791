package clinic.scheduling.booking;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.scheduling.calendar.SiteZone;
import clinic.scheduling.courses.Course;

/**
 * A booked appointment was moved: {@code appointmentId} (now cancelled, reason "rescheduled") is replaced by the
 * booked {@code newAppointmentId} in the given chair and time, at the named site whose time zone gives its day.
 * {@code aggregateVersion} is the course's version.
 */
@EventType("clinic.scheduling.appointment-rescheduled.v1")
public record AppointmentRescheduled(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID appointmentId, UUID newAppointmentId, UUID chairId, String chairName, Instant start, Instant end,
		UUID siteId, String siteName, String timeZone) implements ClinicEvent {

	static AppointmentRescheduled of(Appointment old, Appointment replacement, Course course, SiteZone site) {
		return new AppointmentRescheduled(UUID.randomUUID(), old.patientId(), course.version(),
				replacement.bookedAt(), old.id(), replacement.id(), replacement.chairId(), replacement.chairName(),
				replacement.start(), replacement.end(), site.siteId(), site.siteName(), site.zone().getId());
	}
}
