package clinic.session.doseplans;

import java.util.Optional;
import java.util.UUID;

/** Where the dose-plan projection is kept. */
public interface DosePlans {

	/** Stores the decision unless a version at least as new is already kept; returns whether it was stored. */
	boolean saveIfNewer(PatientDosePlan plan);

	Optional<PatientDosePlan> of(UUID patientId);
}
