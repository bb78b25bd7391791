package clinic.intake.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A registered patient. {@code version} grows with every change and travels with the patient's events. */
public record Patient(UUID id, String mrn, String givenName, String familyName, LocalDate birthDate, String phone,
		PatientStatus status, long version, Instant createdAt) {

	public String fullName() {
		return givenName + " " + familyName;
	}

	public Patient withStatus(PatientStatus newStatus) {
		return new Patient(id, mrn, givenName, familyName, birthDate, phone, newStatus, version + 1, createdAt);
	}
}
