package clinic.session.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.inbox.EventHandler;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;
import clinic.session.patients.Patient;
import clinic.session.patients.PatientService;

/** What session-service hears from intake. Each record is session's own reading of the event: only what it needs. */
@Configuration(proxyBeanMethods = false)
class IntakeEvents {

	/** clinic.intake.patient-registered.v1 and patient-updated.v1 */
	record PatientData(UUID patientId, long aggregateVersion, String mrn, String givenName, String familyName) {

		Patient patient() {
			return new Patient(patientId, mrn, givenName, familyName, aggregateVersion);
		}
	}

	/** clinic.intake.eligibility-decided.v1 */
	record EligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt, UUID decisionId,
			Outcome outcome, String decidedBy, String patientName, DosePlan dosePlan) {
	}

	enum Outcome {
		CLEARED, DECLINED
	}

	/** The MRN and name on the nurse's list. */
	@Bean
	EventHandler<PatientData> patientRegistered(PatientService patients) {
		return EventHandler.on("clinic.intake.patient-registered.v1", PatientData.class,
				data -> patients.registeredOrUpdated(data.patient()));
	}

	@Bean
	EventHandler<PatientData> patientUpdated(PatientService patients) {
		return EventHandler.on("clinic.intake.patient-updated.v1", PatientData.class,
				data -> patients.registeredOrUpdated(data.patient()));
	}

	/** A signed eligibility decision sets (CLEARED) or withdraws (DECLINED) the patient's dose plan. */
	@Bean
	EventHandler<EligibilityDecided> eligibilityDecided(DosePlanService dosePlans) {
		return EventHandler.on("clinic.intake.eligibility-decided.v1", EligibilityDecided.class,
				data -> dosePlans.decided(new DosePlanService.Decision(data.patientId(), data.patientName(),
						data.decisionId(), data.outcome() == Outcome.CLEARED, data.dosePlan(), data.decidedBy(),
						data.occurredAt(), data.aggregateVersion())));
	}
}
