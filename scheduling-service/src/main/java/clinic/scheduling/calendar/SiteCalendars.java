package clinic.scheduling.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.planning.ClinicHours;

/** Reads what a site's calendar is made of. */
public interface SiteCalendars {

	/** A site; {@code timeZone} is its own IANA zone, null while it keeps the clinic's. */
	record Site(UUID id, String name, @Nullable ZoneId timeZone) {
	}

	List<Site> sites();

	Optional<Site> site(UUID id);

	Optional<UUID> siteOfChair(UUID chairId);

	/** The site a chair stands at. */
	Optional<Site> siteWithChair(UUID chairId);

	/** The site's chairs, in service or not, in the order they are offered (room, then name). */
	List<CalendarChair> chairs(UUID siteId);

	/** The site's own opening hours per weekday; empty when the site uses the clinic-wide settings. */
	Map<DayOfWeek, ClinicHours.Open> hours(UUID siteId);

	/** Closure days in [from, to] with their reasons. */
	Map<LocalDate, String> closures(UUID siteId, LocalDate from, LocalDate to);

	/** The site's rota lines valid on some day of [from, to]. */
	List<RotaEntry> rota(UUID siteId, LocalDate from, LocalDate to);

	/** Extra shifts at the site overlapping [from, until). */
	List<StaffShift> extraShifts(UUID siteId, Instant from, Instant until);

	/** Nurse absences in [from, to]. */
	Set<Absence> absences(LocalDate from, LocalDate to);

	/**
	 * Appointments holding time (not cancelled) that overlap [from, until): those in the site's chairs and, when
	 * {@code patientId} is given, the patient's own at any site; without those of {@code exceptCourseId}. A FHIR
	 * client's live hold of an infusion is among them, status {@code pending}: a held chair is offered to no one else
	 * and counts against nurse capacity as a booking does. Without {@code names} the appointments of the site and the
	 * patient carry no patient name (planning reads none, and reading them is most of the work).
	 */
	List<CalendarAppointment> appointments(UUID siteId, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
			Instant from, Instant until, boolean names);

	/**
	 * As {@link #appointments} for planning (no names), the site's own from the calendar kept in memory even in a
	 * read-write transaction: for planning under the site's lock ({@link #lockCapacity}). What is planned on it is
	 * checked against {@link #appointmentsDuring} before it is booked: another instance's booking reaches the kept
	 * calendar only milliseconds after it commits.
	 */
	List<CalendarAppointment> keptAppointments(UUID siteId, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
			Instant from, Instant until);

	/**
	 * As {@link #appointments} for planning, from the database, only those overlapping one of the spans: all that a
	 * check of bookings in those spans depends on (their chairs, the nurses' load then, the patient then).
	 */
	List<CalendarAppointment> appointmentsDuring(UUID siteId, @Nullable UUID patientId, @Nullable UUID exceptCourseId,
			List<Span> spans);

	/** From {@code start} to {@code end}. */
	record Span(Instant start, Instant end) {
	}

	/**
	 * Takes the site's capacity lock for the rest of the transaction: bookings at one site check nurse capacity one
	 * after the other, so two of them can never both take the last place.
	 */
	void lockCapacity(UUID siteId);
}
