package clinic.scheduling.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient as intake registered them (and last updated them): who the front desk books a consultation for and the
 * clinician sees. {@code version} is intake's version of the patient.
 */
public record RegisteredPatient(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate,
		long version, Instant updatedAt) {

	public String fullName() {
		return givenName + " " + familyName;
	}
}
