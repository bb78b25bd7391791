package clinic.scheduling.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;

/** Intake's registered and updated patients: whom a consultation is booked for, by name, MRN and birth date. */
final class PatientHandlers {

	private PatientHandlers() {
	}

	/** Scheduling's own reading of clinic.intake.patient-registered.v1 and patient-updated.v1: only what it needs. */
	record PatientData(UUID patientId, long aggregateVersion, Instant occurredAt, String mrn, String givenName,
			String familyName, LocalDate birthDate) {
	}

	@Component
	static class Registered implements EventHandler<PatientData> {

		private final PatientRegistry patients;

		Registered(PatientRegistry patients) {
			this.patients = patients;
		}

		@Override
		public String type() {
			return "clinic.intake.patient-registered.v1";
		}

		@Override
		public Class<PatientData> dataType() {
			return PatientData.class;
		}

		@Override
		public void handle(PatientData data, InboundEvent event) {
			patients.registeredOrUpdated(new RegisteredPatient(data.patientId(), data.mrn(), data.givenName(),
					data.familyName(), data.birthDate(), data.aggregateVersion(), data.occurredAt()));
		}
	}

	@Component
	static class Updated extends Registered {

		Updated(PatientRegistry patients) {
			super(patients);
		}

		@Override
		public String type() {
			return "clinic.intake.patient-updated.v1";
		}
	}
}
