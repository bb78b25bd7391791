package clinic.scheduling.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import clinic.platform.inbox.EventHandler;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.KnownReferral;
import clinic.scheduling.patients.PatientRegistry;
import clinic.scheduling.patients.RegisteredPatient;

/**
 * What scheduling hears from intake. Each record is scheduling's own reading of the event: only what it needs.
 */
@Configuration(proxyBeanMethods = false)
class IntakeEvents {

	/** clinic.intake.patient-registered.v1 and patient-updated.v1 */
	record PatientData(UUID patientId, long aggregateVersion, Instant occurredAt, String mrn, String givenName,
			String familyName, LocalDate birthDate) {

		RegisteredPatient patient() {
			return new RegisteredPatient(patientId, mrn, givenName, familyName, birthDate, aggregateVersion,
					occurredAt);
		}
	}

	/** clinic.intake.referral-received.v1 */
	record ReferralReceived(UUID patientId, Instant occurredAt, UUID referralId, String referringClinician,
			String indication) {
	}

	/** clinic.intake.eligibility-decided.v1 */
	record EligibilityDecided(UUID patientId, long aggregateVersion, Instant occurredAt, Eligibility outcome,
			String patientName, UUID decisionId, String decidedBy, @Nullable String reason) {
	}

	/** Whom a consultation is booked for, by name, MRN and birth date. */
	@Bean
	EventHandler<PatientData> patientRegistered(PatientRegistry patients) {
		return EventHandler.on("clinic.intake.patient-registered.v1", PatientData.class,
				data -> patients.registeredOrUpdated(data.patient()));
	}

	@Bean
	EventHandler<PatientData> patientUpdated(PatientRegistry patients) {
		return EventHandler.on("clinic.intake.patient-updated.v1", PatientData.class,
				data -> patients.registeredOrUpdated(data.patient()));
	}

	/** A referral intake received: the patient may be booked a consultation. */
	@Bean
	EventHandler<ReferralReceived> referralReceived(PatientRegistry patients) {
		return EventHandler.on("clinic.intake.referral-received.v1", ReferralReceived.class,
				data -> patients.referred(new KnownReferral(data.referralId(), data.patientId(),
						data.referringClinician(), data.indication(), data.occurredAt())));
	}

	/**
	 * A cleared patient gets an induction course to plan; a decline newer than what is known closes the patient's
	 * unfinished courses and cancels their future appointments.
	 */
	@Bean
	EventHandler<EligibilityDecided> eligibilityDecided(CourseService courses) {
		return EventHandler.on("clinic.intake.eligibility-decided.v1", EligibilityDecided.class,
				data -> courses.decided(new CourseService.Decision(data.patientId(), data.patientName(),
						data.outcome(), data.aggregateVersion(), data.occurredAt(), data.decisionId(),
						data.decidedBy(), data.reason())));
	}
}
