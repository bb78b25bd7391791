package clinic.intake.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

@EventType("clinic.intake.patient-updated.v1")
public record PatientUpdated(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, String mrn,
		String givenName, String familyName, LocalDate birthDate) implements ClinicEvent {

	static PatientUpdated of(Patient patient, Instant occurredAt) {
		return new PatientUpdated(UUID.randomUUID(), patient.id(), patient.version(), occurredAt, patient.mrn(),
				patient.givenName(), patient.familyName(), patient.birthDate());
	}
}
