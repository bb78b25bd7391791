package clinic.session.messaging;

import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.WebhookGuarantees;
import clinic.session.SessionIntegrationTest;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.SessionChartService;

/** Session's webhooks: a serious adverse event charted at the chair reaches the receivers as adverse-event-reported. */
class SessionWebhookTest extends SessionIntegrationTest implements WebhookGuarantees {

	@Override
	public String apiPrefix() {
		return "/api/session/";
	}

	@Override
	public String webhookType() {
		return "clinic.session.adverse-event-reported.v1";
	}

	@Override
	public String unrelatedType() {
		return "clinic.session.session-completed.v1";
	}

	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		var record = SessionEventDeliveryTest.openRecordOfClearedPatient(context);
		context.getBean(SessionChartService.class)
			.reportAdverseEvent(record.id(), AdverseEventGrade.SERIOUS, "Laryngospasm during the infusion");
		return record.patientId();
	}
}
