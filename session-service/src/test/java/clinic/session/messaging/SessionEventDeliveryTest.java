package clinic.session.messaging;

import java.time.Duration;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.EventDeliveryGuarantees;
import clinic.session.SessionApplication;
import clinic.session.SessionIntegrationTest;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;
import clinic.session.records.AdverseEventGrade;
import clinic.session.records.SessionChartService;
import clinic.session.records.SessionRecord;
import clinic.session.records.SessionRecordService;

/**
 * Session publishes session-started and adverse-event-reported (scheduling pauses the course on a SERIOUS one), each
 * exactly once across a crash; it consumes appointment-booked (the nurse's list) and eligibility-decided (the dose
 * plan), each handled once, poison to the dead-letter topic.
 */
class SessionEventDeliveryTest extends SessionIntegrationTest implements EventDeliveryGuarantees {

	@Override
	public Class<?> application() {
		return SessionApplication.class;
	}

	@Override
	public String applicationName() {
		return "session-service";
	}

	@Override
	public List<String> producedTypes() {
		return List.of("clinic.session.session-started.v1", "clinic.session.adverse-event-reported.v1");
	}

	/** Opens a record for a cleared patient's booked infusion and reports a serious adverse event in it. */
	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		var record = openRecordOfClearedPatient(context);
		context.getBean(SessionChartService.class)
			.reportAdverseEvent(record.id(), AdverseEventGrade.SERIOUS, "Laryngospasm during the infusion");
		return record.patientId();
	}

	/**
	 * A cleared patient's dose plan and booked infusion, made known as their handlers would, and the session record
	 * opened for it.
	 */
	static SessionRecord openRecordOfClearedPatient(ConfigurableApplicationContext context) {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		// this minute on the service's own clock (its system clock when started anew), in UTC: always today there, as
		// the infusion rules want a record opened on its appointment's day
		var start = context.getBean(Clock.class).instant().truncatedTo(ChronoUnit.MINUTES);
		context.getBean(DosePlanService.class)
			.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
					plan(Route.IV, "0.5"), "dr.house", start.minus(Duration.ofDays(7)), 4));
		context.getBean(AppointmentService.class)
			.booked(new BookedAppointment(appointment, patient, "Ada Lovelace", UUID.randomUUID(),
					new BookedAppointment.Place(UUID.randomUUID(), "Main clinic", ZoneOffset.UTC, UUID.randomUUID()),
					"Chair 1", AppointmentKind.INFUSION, 1, 6, start, start.plus(Duration.ofMinutes(110)), 1));
		return context.getBean(SessionRecordService.class).open(appointment);
	}

	@Override
	public List<ConsumedEvent> consumedEvents() {
		return List.of(new ConsumedEvent("clinic.scheduling.appointment-booked.v1", (eventId, patientId) -> """
				{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
				 "appointmentId":"%s","courseId":"%s","patientName":"Ada Lovelace","siteId":"%s",
				 "timeZone":"Europe/Zurich","chairId":"%s","chairName":"Chair 2",
				 "kind":"INFUSION","sequence":1,"start":"2026-11-23T09:00:00Z","end":"2026-11-23T10:50:00Z"}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
				(context, patientId) -> {
					var appointments = context.getBean(AppointmentService.class).ofPatient(patientId);
					return appointments.isEmpty() ? null : appointments;
				}),
				new ConsumedEvent("clinic.intake.eligibility-decided.v1", (eventId, patientId) -> """
						{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"2026-11-20T10:00:00Z",
						 "decisionId":"%s","screeningId":"%s","outcome":"CLEARED","decidedBy":"dr.house",
						 "patientName":"Ada Lovelace",
						 "dosePlan":{"route":"IV","mgPerKg":0.5,"minMgPerKg":0.1,"maxMgPerKg":1.0}}"""
					.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID()),
						(context, patientId) -> context.getBean(DosePlanService.class).of(patientId).orElse(null)));
	}
}
