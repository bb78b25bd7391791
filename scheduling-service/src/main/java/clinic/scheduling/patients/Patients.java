package clinic.scheduling.patients;

import java.util.Optional;
import java.util.UUID;

/** The projection of intake's patients. */
public interface Patients {

	/**
	 * Stores what is known of the patient unless a version as new or newer is held already. Returns whether it
	 * was stored; false means the event it came from is stale (or a repeat) and must change nothing.
	 */
	boolean recordIfNewer(Patient patient);

	Optional<Patient> find(UUID id);
}
