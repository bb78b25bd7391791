package clinic.session.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
 * change that arrives before its booking is kept, so the late booking comes in already changed and nothing behind it
 * on the partition waits.
 */
class AppointmentChangesTest extends SessionIntegrationTest {

	@Autowired
	SessionRecordService records;

	/** On the day the clinic's clock stands at, an hour after it, at a site of the test's own. */
	final Instant start = MONDAY_MORNING.plus(Duration.ofHours(1));

	final UUID site = UUID.randomUUID();

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
	void givenACancellationArrivesBeforeItsBookingThenTheLateBookingIsTakenInCancelledAndNothingBehindItWaits() {
		var patient = UUID.randomUUID();
		var cancelled = UUID.randomUUID();
		var next = UUID.randomUUID();
		// the booking was set aside and comes again after its cancellation (a replay, an outbox resubmission)
		sendCancelled(patient, cancelled, 3);
		sendBooked(patient, cancelled, 2, "Chair 1", start);
		// the patient's next infusion, behind both on the same partition
		sendBooked(patient, next, 2, "Chair 2", start.plus(Duration.ofDays(2)));
		awaitConsumed();

		assertThat(appointments.state(cancelled)).contains(AppointmentState.CANCELLED);
		assertThat(appointments.ofPatient(patient)).extracting(BookedAppointment::appointmentId).containsExactly(next);
		assertThat(records.day(site, null, 0, 50).appointments()).extracting(ScheduledSession::appointmentId)
			.doesNotContain(cancelled);
		assertThat(EventProbe.records("session-service.dlt",
				record -> patient.toString().equals(EventProbe.header(record, "ce_subject"))))
			.as("an early change is neither poison nor parked")
			.isEmpty();
	}

	@Test
	void givenANoShowArrivesBeforeItsBookingThenTheLateBookingIsTakenInAsNoShow() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		send(patient, "clinic.scheduling.appointment-no-show.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"2026-11-20T12:00:00Z",
				 "appointmentId":"%s","courseId":"%s"}""".formatted(UUID.randomUUID(), patient, appointment,
				UUID.randomUUID()));
		sendBooked(patient, appointment, 2, "Chair 3", start);
		awaitConsumed();

		assertThat(appointments.state(appointment)).contains(AppointmentState.NO_SHOW);
		assertThat(appointments.ofPatient(patient)).isEmpty();
	}

	@Test
	void givenACancellationAheadOfAnOlderVersionThenANewerBookingStillComesIn() {
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		// a change kept ahead only wins over bookings older than itself
		sendCancelled(patient, appointment, 3);
		sendBooked(patient, appointment, 5, "Chair 1", start);
		awaitConsumed();

		assertThat(appointments.state(appointment)).contains(AppointmentState.BOOKED);
		assertThat(appointments.ofPatient(patient)).extracting(BookedAppointment::appointmentId)
			.containsExactly(appointment);
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
