package clinic.session.messaging;

import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.AbstractEventDeliveryTest;
import clinic.session.SessionApplication;
import clinic.session.doseplans.DosePlanService;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.SessionChartService;

/**
 * A SERIOUS adverse event is published exactly once, also when the service dies between commit and send (scheduling
 * pauses the course on it); and the eligibility decisions session consumes are handled once, poison goes to the DLT.
 */
class AdverseEventDeliveryTest extends AbstractEventDeliveryTest {

	@Override
	protected Class<?> application() {
		return SessionApplication.class;
	}

	@Override
	protected String applicationName() {
		return "session-service";
	}

	@Override
	protected String producedType() {
		return "clinic.session.adverse-event-reported.v1";
	}

	/** Opens a record for a cleared patient's booked infusion and reports a serious adverse event in it. */
	@Override
	protected UUID changeState(ConfigurableApplicationContext context) {
		var record = SessionEventDeliveryTest.openRecordOfClearedPatient(context);
		context.getBean(SessionChartService.class)
			.reportAdverseEvent(record.id(), AdverseEventGrade.SERIOUS, "Laryngospasm during the infusion");
		return record.patientId();
	}

	@Override
	protected String consumedType() {
		return "clinic.intake.eligibility-decided.v1";
	}

	@Override
	protected String consumedData(UUID eventId, UUID patientId) {
		return """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"2026-11-20T10:00:00Z",
				 "decisionId":"%s","screeningId":"%s","outcome":"CLEARED","decidedBy":"dr.house",
				 "patientName":"Ada Lovelace","dosePlan":{"route":"IV","mgPerKg":0.5}}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID());
	}

	@Override
	protected Object effectOf(ConfigurableApplicationContext context, UUID patientId) {
		return context.getBean(DosePlanService.class).of(patientId).orElse(null);
	}
}
