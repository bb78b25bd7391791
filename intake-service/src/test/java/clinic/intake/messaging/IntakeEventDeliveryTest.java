package clinic.intake.messaging;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.intake.IntakeApplication;
import clinic.intake.outcomes.OutcomeScores;
import clinic.intake.patients.Indication;
import clinic.intake.patients.PatientService;
import clinic.platform.test.AbstractEventDeliveryTest;

/** Intake publishes patient-registered and consumes session-completed (PHQ-9 into the outcome series). */
class IntakeEventDeliveryTest extends AbstractEventDeliveryTest {

	@Override
	protected Class<?> application() {
		return IntakeApplication.class;
	}

	@Override
	protected String applicationName() {
		return "intake-service";
	}

	@Override
	protected String producedType() {
		return "clinic.intake.referral-received.v1";
	}

	@Override
	protected UUID changeState(ConfigurableApplicationContext context) {
		return context.getBean(PatientService.class)
			.register(new PatientService.Registration("Ada", "Lovelace", LocalDate.of(1985, 12, 10), null,
					"Dr. Babbage", "Two failed SSRIs", Indication.TREATMENT_RESISTANT_DEPRESSION, true))
			.id();
	}

	@Override
	protected String consumedType() {
		return "clinic.session.session-completed.v1";
	}

	@Override
	protected String consumedData(UUID eventId, UUID patientId) {
		return """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"2026-11-20T10:00:00Z",
				 "sessionId":"%s","appointmentId":"%s","completedBy":"nurse","route":"IV","doseMg":35.0,"phq9Total":12}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID());
	}

	@Override
	protected Object effectOf(ConfigurableApplicationContext context, UUID patientId) {
		var series = context.getBean(OutcomeScores.class).series(patientId, OutcomeScores.PHQ9);
		return series.isEmpty() ? null : series;
	}
}
