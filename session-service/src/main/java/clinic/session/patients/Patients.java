package clinic.session.patients;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Where the patient projection is kept. */
public interface Patients {

	/** Stores the patient unless a version at least as new is kept; returns whether it was stored. */
	boolean saveIfNewer(Patient patient);

	Map<UUID, Patient> of(Collection<UUID> patientIds);
}
