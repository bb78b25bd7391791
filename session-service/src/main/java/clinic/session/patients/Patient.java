package clinic.session.patients;

import java.util.UUID;

/** A patient as intake registered them: the MRN and the name. */
public record Patient(UUID patientId, String mrn, String givenName, String familyName, long aggregateVersion) {

	public String name() {
		return givenName + " " + familyName;
	}
}
