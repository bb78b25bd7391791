package clinic.intake.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

@EventType("clinic.intake.patient-registered.v1")
public record PatientRegistered(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, String mrn,
		String givenName, String familyName, LocalDate birthDate) implements ClinicEvent {

	static PatientRegistered of(Patient patient) {
		return new PatientRegistered(UUID.randomUUID(), patient.id(), patient.version(), patient.createdAt(),
				patient.mrn(), patient.givenName(), patient.familyName(), patient.birthDate());
	}
}
