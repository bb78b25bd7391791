package clinic.scheduling.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.platform.problems.ConflictException;
import clinic.platform.test.EventProbe;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.booking.StatusChange;
import clinic.scheduling.waitlist.WaitlistOffer;
import clinic.scheduling.waitlist.WaitlistService;

/**
 * The appointment's status follows the session record, as session-service publishes it on Kafka: the record opened
 * (the patient is at the chair) makes it arrived, the check-in checked-in, and a session completed with the dose given
 * on the appointment's day (in its site's time zone) fulfilled. Repeats and late events change nothing.
 */
class AppointmentTruthTest extends SchedulingIntegrationTest {

	@Autowired
	WaitlistService waitlist;

	/** Sends the event; returns its CloudEvent id. */
	static UUID sessionStarted(Appointment appointment) {
		return send(appointment, "clinic.session.session-started.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"%s","sessionId":"%s",
				 "appointmentId":"%s","startedBy":"nina"}""".formatted(UUID.randomUUID(), appointment.patientId(),
				Instant.now(), UUID.randomUUID(), appointment.id()));
	}

	static UUID checkedIn(Appointment appointment) {
		return send(appointment, "clinic.session.checked-in.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":2,"occurredAt":"%s","sessionId":"%s",
				 "appointmentId":"%s","checkedInBy":"nina"}""".formatted(UUID.randomUUID(), appointment.patientId(),
				Instant.now(), UUID.randomUUID(), appointment.id()));
	}

	static UUID sessionCompleted(Appointment appointment, Instant occurredAt, @Nullable Instant dosedAt) {
		return send(appointment, "clinic.session.session-completed.v1", """
				{"eventId":"%s","patientId":"%s","aggregateVersion":9,"occurredAt":"%s","sessionId":"%s",
				 "appointmentId":"%s","completedBy":"clara","route":"IV","doseMg":35.0,"dosedAt":%s}""".formatted(
				UUID.randomUUID(), appointment.patientId(), occurredAt, UUID.randomUUID(), appointment.id(),
				dosedAt == null ? "null" : "\"" + dosedAt + "\""));
	}

	private static UUID send(Appointment appointment, String type, String data) {
		var cloudEventId = UUID.randomUUID();
		EventProbe.send("clinic.session", appointment.patientId(),
				EventProbe.cloudEvent(cloudEventId, type, appointment.patientId(), data));
		return cloudEventId;
	}

	void awaitHandled(UUID cloudEventId) {
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from inbox_event where event_id = :id")
				.param("id", cloudEventId)
				.query(Long.class)
				.single() == 1);
	}

	AppointmentStatus statusOf(Appointment appointment) {
		return lifecycle.appointment(appointment.id()).status();
	}

	Appointment booked(String patient, UUID chair, Instant start) {
		return bookings.book(clearedPatientsCourse(patient).id(), new Booking(chair, start));
	}

	@Test
	void givenABookedAppointmentWhenTheSessionIsOpenedAndThePatientCheckedInThenItIsArrivedThenCheckedIn() {
		var appointment = booked("Ada Lovelace", CHAIR_1, at(aWeekOfItsOwn(), 10, 0));

		awaitHandled(sessionStarted(appointment));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.ARRIVED);
		awaitHandled(sessionStarted(appointment)); // the record opened again: nothing changes
		awaitHandled(checkedIn(appointment));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CHECKED_IN);
		awaitHandled(sessionStarted(appointment)); // late: the patient is checked in already
		awaitHandled(checkedIn(appointment));

		var history = lifecycle.detail(appointment.id()).history();
		assertThat(history).extracting(StatusChange::to)
			.containsExactly(AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN);
		assertThat(history.subList(1, 3)).extracting(StatusChange::by).containsOnly("session-service");
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CHECKED_IN);
	}

	@Test
	void givenABookedAppointmentWhenCheckedInWithoutTheSessionStartedEventThenBothStepsAreInTheHistory() {
		var appointment = booked("Grace Hopper", CHAIR_2, at(aWeekOfItsOwn(), 10, 0));

		awaitHandled(checkedIn(appointment));

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CHECKED_IN);
		var history = lifecycle.detail(appointment.id()).history();
		assertThat(history).extracting(StatusChange::from)
			.containsExactly(null, AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED);
		assertThat(history).extracting(StatusChange::to)
			.containsExactly(AppointmentStatus.BOOKED, AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN);
		assertThat(history.subList(1, 3)).extracting(StatusChange::by).containsOnly("session-service");
	}

	@Test
	void givenACancellationThatCrossedTheOpeningOfTheRecordThenTheAppointmentIsTakenBackAsArrivedThenCheckedIn() {
		var appointment = booked("Katherine Johnson", CHAIR_3, at(aWeekOfItsOwn(), 10, 0));
		lifecycle.cancel(appointment.id(), "Patient called to cancel");

		awaitHandled(sessionStarted(appointment));
		awaitHandled(checkedIn(appointment));

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CHECKED_IN);
		var history = lifecycle.detail(appointment.id()).history();
		assertThat(history).extracting(StatusChange::to)
			.containsExactly(AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED, AppointmentStatus.BOOKED,
					AppointmentStatus.ARRIVED, AppointmentStatus.CHECKED_IN);
		assertThat(history.get(2).by()).isEqualTo("session-service");
		assertThat(history.get(2).reason()).contains("session record");
	}

	@Test
	void givenTheSlotOfACancellationThatIsTakenBackWasOfferedToTheWaitlistThenTheOfferIsWithdrawn() {
		var appointment = booked("Dorothy Vaughan", CHAIR_3, at(aWeekOfItsOwn(), 13, 0));
		var waiting = clearedPatientsCourse("Mary Jackson");
		var entry = waitlist.add(waiting.id(), new WaitlistService.Wishes(SITE, Set.of(), null, null, Set.of(), null));
		lifecycle.cancel(appointment.id(), "Patient called to cancel");
		assertThat(waitlist.offersOfSlot(appointment.id())).extracting(WaitlistOffer::entryId, WaitlistOffer::status)
			.contains(tuple(entry.id(), WaitlistOffer.Status.OFFERED));

		awaitHandled(sessionStarted(appointment));

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.ARRIVED);
		assertThat(waitlist.offersOfSlot(appointment.id())).extracting(WaitlistOffer::status)
			.isNotEmpty()
			.containsOnly(WaitlistOffer.Status.TAKEN);
	}

	@Test
	void givenTheCancelledAppointmentsChairWasGivenAwayThenASessionStartedForItLeavesItCancelled() {
		var monday = aWeekOfItsOwn();
		var appointment = booked("Evelyn Boyd", CHAIR_3, at(monday, 15, 0));
		lifecycle.cancel(appointment.id(), "Patient called to cancel");
		var other = booked("Gladys West", CHAIR_3, at(monday, 15, 0));

		awaitHandled(sessionStarted(appointment));

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(statusOf(other)).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(lifecycle.detail(appointment.id()).history()).hasSize(2);
	}

	@Test
	void givenAMovedAppointmentThenASessionStartedForItsOldPlaceLeavesItCancelled() {
		var monday = aWeekOfItsOwn();
		var appointment = booked("Christine Darden", CHAIR_4, at(monday, 15, 0));
		lifecycle.reschedule(appointment.id(), new Booking(CHAIR_4, at(monday.plusDays(1), 15, 0)));

		awaitHandled(sessionStarted(appointment));

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void givenTheNurseOpenedTheSessionRecordThenTheFrontDeskCanNoLongerCancelMoveOrMarkItNoShow() {
		var monday = aWeekOfItsOwn();
		var appointment = booked("Mary Jackson", CHAIR_1, at(monday, 14, 0));
		awaitHandled(sessionStarted(appointment));

		assertThatThrownBy(() -> lifecycle.cancel(appointment.id(), "Patient feels unwell")).isInstanceOf(
				ConflictException.class).hasMessageContaining("session record of this infusion");
		assertThatThrownBy(() -> lifecycle.noShow(appointment.id())).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> lifecycle.reschedule(appointment.id(),
				new Booking(CHAIR_2, at(monday, 10, 0)))).isInstanceOf(ConflictException.class);
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.ARRIVED);
		// the chair time stays taken: nobody else can be booked into it
		assertThatThrownBy(() -> booked("Annie Easley", CHAIR_1, at(monday, 14, 0)))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void givenThePatientArrivedAtTheFrontDeskOnlyThenTheAppointmentCanStillBeCancelled() {
		var day = aWeekOfItsOwn();
		var appointment = booked("Dorothy Vaughan", CHAIR_2, at(day, 14, 0));
		clock.set(at(day, 13, 45));
		lifecycle.arrive(appointment.id());

		lifecycle.cancel(appointment.id(), "Left before the session");

		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.CANCELLED);
	}

	@Test
	void givenASessionDosedOnAnotherDayThenTheAppointmentIsNotFulfilledNorCountedUntilOneIsDosedOnItsDay() {
		var course = clearedPatientsCourse("Hedy Lamarr");
		var monday = aWeekOfItsOwn();
		var appointment = bookings.book(course.id(), new Booking(CHAIR_4, at(monday, 10, 0)));

		// completed (signed) on the day, but the dose was given the next morning; and without a dose time, a
		// completion on another day
		awaitHandled(sessionCompleted(appointment, at(monday, 12, 30), at(monday.plusDays(1), 9, 0)));
		awaitHandled(sessionCompleted(appointment, at(monday.plusDays(2), 9, 0), null));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(courses.get(course.id()).completedInfusions()).isZero();

		// dosed on the day, signed after midnight: it is the appointment's session
		awaitHandled(sessionCompleted(appointment, at(monday.plusDays(1), 0, 30), at(monday, 10, 40)));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.FULFILLED);
		assertThat(courses.get(course.id()).completedInfusions()).isEqualTo(1);
		assertThat(lifecycle.detail(appointment.id()).history()).last()
			.satisfies(change -> assertThat(change.by()).isEqualTo("session-service"));
	}

	@Test
	void givenASiteInLosAngelesThenTheDoseDayIsReadOnItsClockNotTheClinics() throws Exception {
		var site = siteIn(ZoneId.of("America/Los_Angeles"));
		var course = clearedPatientsCourse("Amelia Earhart");
		var monday = aWeekOfItsOwn();
		// 14:15–16:05 in Los Angeles; midnight in Zurich falls at 15:00 or 16:00 there (8 or 9 hours behind)
		var appointment = bookings.book(course.id(), new Booking(site.chairId(), site.at(monday, 14, 15)));

		awaitHandled(sessionCompleted(appointment, site.at(monday, 17, 0), site.at(monday.plusDays(1), 9, 0)));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.BOOKED);

		// dosed at 16:02 on Monday in Los Angeles: already Tuesday in Zurich, still the appointment's day there
		awaitHandled(sessionCompleted(appointment, site.at(monday, 17, 0), site.at(monday, 16, 2)));
		assertThat(statusOf(appointment)).isEqualTo(AppointmentStatus.FULFILLED);
		assertThat(courses.get(course.id()).completedInfusions()).isEqualTo(1);
	}
}
