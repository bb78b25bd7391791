package clinic.intake.reminders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment of a course as intake keeps it for reminders. Details are null while only its cancellation (or
 * the course's plan, without the site) is known.
 */
public record BookedAppointment(UUID appointmentId, UUID patientId, @Nullable UUID courseId, AppointmentState state,
		@Nullable String kind, @Nullable Integer sequence, @Nullable Integer courseInfusions, @Nullable Instant start,
		@Nullable UUID siteId, @Nullable String siteName, @Nullable String timeZone, @Nullable String chairName) {

	public BookedAppointment withState(AppointmentState newState) {
		return new BookedAppointment(appointmentId, patientId, courseId, newState, kind, sequence, courseInfusions,
				start, siteId, siteName, timeZone, chairName);
	}
}
