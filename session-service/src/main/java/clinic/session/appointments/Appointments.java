package clinic.session.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Where the appointment projection is kept. */
public interface Appointments {

	/** Stores the appointment unless a version at least as new is already kept; returns whether it was stored. */
	boolean saveIfNewer(BookedAppointment appointment);

	/** The appointment unless it was cancelled, moved or marked no-show. */
	Optional<BookedAppointment> find(UUID appointmentId);

	/** Like {@link #find}, and holds the appointment until the transaction ends. */
	Optional<BookedAppointment> findForUpdate(UUID appointmentId);

	/** Whether scheduling still has the appointment booked, or cancelled (or moved) it, or marked it no-show. */
	Optional<AppointmentState> state(UUID appointmentId);

	/**
	 * Takes the appointment off the list at {@code aggregateVersion} unless it is already off or a version at least
	 * as new is kept; returns whether it was taken off.
	 */
	boolean cancelIfNewer(UUID appointmentId, long aggregateVersion, Instant at);

	/** Marks the appointment no-show at {@code aggregateVersion}, the same way as {@link #cancelIfNewer}. */
	boolean noShowIfNewer(UUID appointmentId, long aggregateVersion, Instant at);

	/**
	 * Keeps a cancellation or no-show of an appointment not (yet) on the list, unless a newer change of it is kept, so
	 * that its booking is taken in with the change when it comes.
	 */
	void keepChangeAhead(UUID appointmentId, AppointmentState change, long aggregateVersion, Instant at);

	/** The change kept for an appointment whose booking had not come yet. */
	Optional<ChangeAhead> changeAhead(UUID appointmentId);

	/** A cancellation or no-show that came before its appointment's booking. */
	record ChangeAhead(AppointmentState change, long aggregateVersion, Instant at) {
	}

	/** The course's appointments still booked, earliest first. */
	List<BookedAppointment> ofCourse(UUID courseId);

	/** Soonest first, the ones no longer booked left out. */
	List<BookedAppointment> ofPatient(UUID patientId);

	/**
	 * The appointments still booked on a day, each day read in its own site's time zone: {@code date}, or when null
	 * the date {@code now} has there. One site, or every site when {@code siteId} is null. Earliest first.
	 */
	List<BookedAppointment> ofDay(@Nullable UUID siteId, @Nullable LocalDate date, Instant now, int offset, int limit);

	/** How many {@link #ofDay} finds in all. */
	long countOfDay(@Nullable UUID siteId, @Nullable LocalDate date, Instant now);
}
