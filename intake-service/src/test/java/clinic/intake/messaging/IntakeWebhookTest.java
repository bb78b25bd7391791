package clinic.intake.messaging;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.intake.IntakeIntegrationTest;
import clinic.intake.patients.Indication;
import clinic.intake.patients.PatientService;
import clinic.platform.test.WebhookGuarantees;

/** Intake's webhooks: a patient registered at reception reaches the subscribed receivers as patient-registered. */
class IntakeWebhookTest extends IntakeIntegrationTest implements WebhookGuarantees {

	@Override
	public String apiPrefix() {
		return "/api/intake/";
	}

	@Override
	public String webhookType() {
		return "clinic.intake.patient-registered.v1";
	}

	@Override
	public String unrelatedType() {
		return "clinic.intake.eligibility-decided.v1";
	}

	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		return context.getBean(PatientService.class)
			.register(new PatientService.Registration("Grace", "Hopper", LocalDate.of(1976, 12, 9), null,
					"Dr. Babbage", "Two failed SSRIs", Indication.TREATMENT_RESISTANT_DEPRESSION, true))
			.id();
	}
}
