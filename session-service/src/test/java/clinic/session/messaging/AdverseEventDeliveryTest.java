package clinic.session.messaging;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.AbstractEventDeliveryTest;
import clinic.session.SessionApplication;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.SessionChartService;
import clinic.session.records.SessionRecordService;

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
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		var start = Instant.parse("2026-11-23T09:00:00Z");
		context.getBean(DosePlanService.class)
			.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
					new DosePlan(Route.IV, new BigDecimal("0.5")), "dr.house", start.minus(Duration.ofDays(7)), 4));
		context.getBean(AppointmentService.class)
			.booked(new BookedAppointment(appointment, patient, "Ada Lovelace", UUID.randomUUID(), "Chair 1",
					AppointmentKind.INFUSION, 1, start, start.plus(Duration.ofMinutes(110)), 1));
		var record = context.getBean(SessionRecordService.class).open(appointment);
		context.getBean(SessionChartService.class)
			.reportAdverseEvent(record.id(), AdverseEventGrade.SERIOUS, "Laryngospasm during the infusion");
		return patient;
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
