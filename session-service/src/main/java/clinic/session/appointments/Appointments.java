package clinic.session.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the appointment projection is kept. */
public interface Appointments {

	/** Stores the appointment unless a version at least as new is already kept; returns whether it was stored. */
	boolean saveIfNewer(BookedAppointment appointment);

	/** The appointment unless it was cancelled (or moved). */
	Optional<BookedAppointment> find(UUID appointmentId);

	/** Like {@link #find}, and holds the appointment until the transaction ends. */
	Optional<BookedAppointment> findForUpdate(UUID appointmentId);

	/**
	 * Takes the appointment off the list at {@code aggregateVersion} unless it is already off or a version at least
	 * as new is kept; returns whether it was taken off.
	 */
	boolean cancelIfNewer(UUID appointmentId, long aggregateVersion, Instant at);

	/** Soonest first, cancelled ones left out. */
	List<BookedAppointment> all(int limit);

	/** Soonest first, cancelled ones left out. */
	List<BookedAppointment> ofPatient(UUID patientId);
}
