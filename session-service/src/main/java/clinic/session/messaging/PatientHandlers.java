package clinic.session.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.platform.inbox.EventHandler;
import clinic.platform.inbox.InboundEvent;
import clinic.session.patients.Patient;
import clinic.session.patients.PatientService;

/** Intake's registered and updated patients: the MRN and name on the nurse's list. */
final class PatientHandlers {

	private PatientHandlers() {
	}

	/** Session's own reading of clinic.intake.patient-registered.v1 and patient-updated.v1: only what it needs. */
	record PatientData(UUID patientId, long aggregateVersion, String mrn, String givenName, String familyName) {
	}

	@Component
	static class Registered implements EventHandler<PatientData> {

		private final PatientService patients;

		Registered(PatientService patients) {
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
			patients.registeredOrUpdated(new Patient(data.patientId(), data.mrn(), data.givenName(),
					data.familyName(), data.aggregateVersion()));
		}
	}

	@Component
	static class Updated extends Registered {

		Updated(PatientService patients) {
			super(patients);
		}

		@Override
		public String type() {
			return "clinic.intake.patient-updated.v1";
		}
	}
}
