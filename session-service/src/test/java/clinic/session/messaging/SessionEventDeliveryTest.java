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
import clinic.session.records.SessionRecord;
import clinic.session.records.SessionRecordService;

/** Session publishes session-started and consumes appointment-booked (the nurse's list of appointments). */
class SessionEventDeliveryTest extends AbstractEventDeliveryTest {

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
		return "clinic.session.session-started.v1";
	}

	/** Makes the appointment and the dose plan known as their handlers would, then opens the record. */
	@Override
	protected UUID changeState(ConfigurableApplicationContext context) {
		return openRecordOfClearedPatient(context).patientId();
	}

	/**
	 * A cleared patient's dose plan and booked infusion, made known as their handlers would, and the session record
	 * opened for it.
	 */
	static SessionRecord openRecordOfClearedPatient(ConfigurableApplicationContext context) {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		var start = Instant.parse("2026-11-23T09:00:00Z");
		context.getBean(DosePlanService.class)
			.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
					new DosePlan(Route.IV, new BigDecimal("0.5")), "dr.house", start.minus(Duration.ofDays(7)), 4));
		context.getBean(AppointmentService.class)
			.booked(new BookedAppointment(appointment, patient, "Ada Lovelace", UUID.randomUUID(), "Chair 1",
					AppointmentKind.INFUSION, 1, start, start.plus(Duration.ofMinutes(110)), 1));
		return context.getBean(SessionRecordService.class).open(appointment);
	}

	@Override
	protected String consumedType() {
		return "clinic.scheduling.appointment-booked.v1";
	}

	@Override
	protected String consumedData(UUID eventId, UUID patientId) {
		return """
				{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
				 "appointmentId":"%s","courseId":"%s","patientName":"Ada Lovelace","chairId":"%s","chairName":"Chair 2",
				 "kind":"INFUSION","sequence":1,"start":"2026-11-23T09:00:00Z","end":"2026-11-23T10:50:00Z"}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
	}

	@Override
	protected Object effectOf(ConfigurableApplicationContext context, UUID patientId) {
		var appointments = context.getBean(AppointmentService.class).ofPatient(patientId);
		return appointments.isEmpty() ? null : appointments;
	}
}
