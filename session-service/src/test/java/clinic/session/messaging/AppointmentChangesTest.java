package clinic.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.platform.inbox.DeliveryRetries;
import clinic.platform.test.EventProbe;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.BookedAppointment;
import clinic.session.SessionIntegrationTest;
import clinic.session.doseplans.Route;
import clinic.session.records.ScheduledSession;
import clinic.session.records.SessionRecordService;

/**
 * Scheduling's cancellations and reschedules, sent on the real broker, change the nurse's list: a cancelled
 * appointment leaves it unless its record is open, a rescheduled one moves, stale events change nothing, and a
 * change that arrives before its booking waits for it (it is not dropped, nor parked as poison).
 */
class AppointmentChangesTest extends SessionIntegrationTest {

	@Autowired
	SessionRecordService records;

	/** On the day the clinic's clock stands at, an hour after it, at a site of the test's own. */
	final Instant start = MONDAY_MORNING.plus(Duration.ofHours(1));

	final UUID site = UUID.randomUUID();

	@Autowired
	DeliveryRetries retries;

	void send(UUID patient, String type, String data) {
		EventProbe.send("clinic.scheduling", patient, EventProbe.cloudEvent(UUID.randomUUID(), type, patient, data));
	}

	void sendBooked(UUID patient, UUID appointment, long version, String chair, Instant at) {
		send(patient, "clinic.scheduling.appointment-booked.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2026-11-20T10:00:00Z",
				 "appointmentId":"%s","courseId":"%s","patientName":"Ada Lovelace","siteId":"%s",
				 "timeZone":"Europe/Zurich","chairId":"%s","chairName":"%s",
				 "kind":"INFUSION","sequence":3,"start":"%s","end":"%s"}"""
			.formatted(UUID.randomUUID(), patient, version, appointment, UUID.randomUUID(), site, UUID.randomUUID(),
					chair, at, at.plus(Duration.ofMinutes(110))));
	}

	void sendCancelled(UUID patient, UUID appointment, long version) {
		send(patient, "clinic.scheduling.appointment-cancelled.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2026-11-20T11:00:00Z",
				 "appointmentId":"%s","courseId":"%s","reason":"Patient feels unwell"}"""
			.formatted(UUID.randomUUID(), patient, version, appointment, UUID.randomUUID()));
	}

	void sendRescheduled(UUID patient, UUID appointment, UUID replacement, long version, String chair, Instant at) {
		send(patient, "clinic.scheduling.appointment-rescheduled.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2026-11-20T11:00:00Z",
				 "appointmentId":"%s","newAppointmentId":"%s","siteId":"%s","timeZone":"Europe/Zurich",
				 "chairId":"%s","chairName":"%s","start":"%s","end":"%s"}"""
			.formatted(UUID.randomUUID(), patient, version, appointment, replacement, site, UUID.randomUUID(), chair,
					at, at.plus(Duration.ofMinutes(110))));
	}

	void awaitConsumed() {
		EventProbe.awaitConsumed(environment.getRequiredProperty("clinic.events.group"), "clinic.scheduling", PATIENCE);
	}

	@Test
	void givenACancellationArrivesBeforeItsBookingThenItWaitsAndIsAppliedWhenTheBookingComes() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		var cancellation = EventProbe.cloudEvent(UUID.randomUUID(), "clinic.scheduling.appointment-cancelled.v1",
				patient, """
						{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"2026-11-20T11:00:00Z",
						 "appointmentId":"%s","courseId":"%s","reason":"Patient feels unwell"}"""
					.formatted(UUID.randomUUID(), patient, appointment, UUID.randomUUID()));
		EventProbe.send("clinic.scheduling", patient, cancellation);
		await().alias("the cancellation waits for its booking")
			.atMost(PATIENCE)
			.until(() -> retries.attemptsOf(cancellation.getId()) >= 2);
		assertThat(appointments.state(appointment)).isEmpty();

		// the booking comes (a parked one replayed by an administrator, for instance)
		appointments.booked(new BookedAppointment(appointment, patient, "Ada Lovelace", UUID.randomUUID(),
				new BookedAppointment.Place(site, "Main clinic", ZURICH, UUID.randomUUID()), "Chair 1",
				AppointmentKind.INFUSION, 1, 6, start, start.plus(CHAIR_TIME), 2));

		await().atMost(PATIENCE).until(() -> appointments.state(appointment).orElseThrow() == AppointmentState.CANCELLED);
		assertThat(appointments.ofPatient(patient)).isEmpty();
		assertThat(EventProbe.records("session-service.dlt",
				record -> cancellation.getId().equals(EventProbe.header(record, "ce_id"))))
			.as("an early event is not poison")
			.isEmpty();
	}

	@Test
	void givenABookedAppointmentWhenCancelledThenItLeavesTheListAndALateOlderBookingDoesNotBringItBack() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		sendBooked(patient, appointment, 2, "Chair 1", start);
		sendCancelled(patient, appointment, 3);
		sendBooked(patient, appointment, 2, "Chair 1", start);
		sendBooked(patient, appointment, 1, "Chair 4", start);
		awaitConsumed();

		assertThat(appointments.find(appointment)).isEmpty();
		assertThat(appointments.ofPatient(patient)).isEmpty();
		assertThat(records.day(site, null, 0, 50).appointments()).extracting(ScheduledSession::appointmentId)
			.doesNotContain(appointment);
	}

	@Test
	void givenAnAppointmentWithAnOpenRecordWhenCancelledThenItStaysOnTheList() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		cleared(patient, Route.IV, "0.5");
		sendBooked(patient, appointment, 2, "Chair 1", start);
		awaitConsumed();
		var record = records.open(appointment);

		sendCancelled(patient, appointment, 3);
		awaitConsumed();

		assertThat(appointments.find(appointment)).isPresent();
		assertThat(records.day(site, null, 0, 50).appointments()).filteredOn(s -> s.appointmentId().equals(appointment))
			.singleElement()
			.satisfies(s -> assertThat(s.recordId()).isEqualTo(record.id()));
	}

	@Test
	void givenABookedAppointmentWhenRescheduledThenItMovesAndAStaleCancellationOfItChangesNothing() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		var replacement = UUID.randomUUID();
		var later = start.plus(Duration.ofDays(2));
		sendBooked(patient, appointment, 2, "Chair 1", start);
		sendRescheduled(patient, appointment, replacement, 3, "Chair 3", later);
		// late and older than the move: neither may undo it
		sendRescheduled(patient, appointment, UUID.randomUUID(), 2, "Chair 4", start);
		sendCancelled(patient, replacement, 2);
		awaitConsumed();

		assertThat(appointments.find(appointment)).isEmpty();
		assertThat(appointments.ofPatient(patient)).singleElement().satisfies(moved -> {
			assertThat(moved.appointmentId()).isEqualTo(replacement);
			assertThat(moved.chairName()).isEqualTo("Chair 3");
			assertThat(moved.start()).isEqualTo(later);
			assertThat(moved.end()).isEqualTo(later.plus(Duration.ofMinutes(110)));
			assertThat(moved.patientName()).isEqualTo("Ada Lovelace");
			assertThat(moved.sequence()).isEqualTo(3);
			assertThat(moved.aggregateVersion()).isEqualTo(3);
		});
	}
}
