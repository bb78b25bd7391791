package clinic.session.appointments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the appointment projection is kept. */
public interface Appointments {

	/** Stores the appointment unless a version at least as new is already kept; returns whether it was stored. */
	boolean saveIfNewer(BookedAppointment appointment);

	Optional<BookedAppointment> find(UUID appointmentId);

	/** Soonest first. */
	List<BookedAppointment> all(int limit);

	/** Soonest first. */
	List<BookedAppointment> ofPatient(UUID patientId);
}
