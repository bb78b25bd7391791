package clinic.session.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An appointment as scheduling booked it: the patient, the course and the infusion's place in it ({@code sequence}
 * of {@code courseInfusions}), the site with its time zone and the chair, and the time. {@code patientName},
 * {@code siteName} and {@code courseInfusions} may be missing (the event does not require them); {@code timeZone}
 * and {@code siteId} are missing only for appointments booked before scheduling sent them. {@code aggregateVersion}
 * is scheduling's version of the course, kept to drop stale events.
 */
public record BookedAppointment(UUID appointmentId, UUID patientId, @Nullable String patientName, UUID courseId,
		@Nullable Place place, String chairName, AppointmentKind kind, int sequence, @Nullable Integer courseInfusions,
		Instant start, Instant end, long aggregateVersion) {

	/** Where the appointment is: the site and its time zone, and the chair. */
	public record Place(UUID siteId, @Nullable String siteName, ZoneId timeZone, @Nullable UUID chairId) {
	}

	/** The appointment's day in its site's time zone, or null while the site's zone is unknown. */
	public @Nullable LocalDate day() {
		return place == null ? null : start.atZone(place.timeZone()).toLocalDate();
	}

	/** "Infusion 2 of 6", "Booster 7", as a nurse would say it. */
	public String position() {
		var name = kind == AppointmentKind.BOOSTER ? "Booster" : "Infusion";
		return kind == AppointmentKind.INFUSION && courseInfusions != null ? name + " " + sequence + " of " + courseInfusions
				: name + " " + sequence;
	}

	/** The same appointment moved to another chair and time (scheduling's reschedule keeps patient and course). */
	public BookedAppointment movedTo(UUID newAppointmentId, @Nullable Place newPlace, String newChairName,
			Instant newStart, Instant newEnd, long version) {
		return new BookedAppointment(newAppointmentId, patientId, patientName, courseId,
				newPlace != null ? newPlace : place, newChairName, kind, sequence, courseInfusions, newStart, newEnd,
				version);
	}
}
