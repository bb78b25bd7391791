package clinic.session.records;

import java.util.List;
import java.util.UUID;

/** Which session records to look at for a list: a patient's, or those still open for a clinician's signature. */
public interface RecordIndex {

	/** The patient's records, the latest opened first, at most {@code limit}. */
	List<UUID> ofPatient(UUID patientId, int limit);

	/** Records in progress that no clinician has signed yet, the earliest opened first, at most {@code limit}. */
	List<UUID> withoutClinicianSignature(int limit);
}
