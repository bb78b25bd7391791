package clinic.scheduling.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.Appointment;
import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.booking.BookingService.Booking;

/** Completed sessions, as session-service publishes them on Kafka, advance the course until it is complete. */
class CourseProgressTest extends SchedulingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	static void sessionCompleted(Appointment appointment) {
		var data = """
				{"eventId":"%s","patientId":"%s","aggregateVersion":3,"occurredAt":"%s","sessionId":"%s",
				 "appointmentId":"%s","completedBy":"nina","route":"IV","doseMg":35.0,"phq9Total":12}"""
			.formatted(UUID.randomUUID(), appointment.patientId(), appointment.end(), UUID.randomUUID(),
					appointment.id());
		EventProbe.send("clinic.session", appointment.patientId(), EventProbe.cloudEvent(UUID.randomUUID(),
				"clinic.session.session-completed.v1", appointment.patientId(), data));
	}

	@Test
	void givenBookedInfusionsWhenTheirSessionsAreCompletedThenTheCourseCountsThemAndCompletesAtThePlannedNumber() {
		var course = clearedPatientsCourse("Ada Lovelace");
		var week = aWeekOfItsOwn();
		aWeekOfItsOwn(); // the course runs over two weeks
		var appointments = new ArrayList<Appointment>();
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) { // Mon, Wed, Fri, Mon, Wed, Fri
			appointments.add(bookings.book(course.id(), new Booking(CHAIR_1, at(week.plusDays(day), 9, 0))));
		}
		assertThat(appointments).extracting(Appointment::sequence).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.ACTIVE);

		sessionCompleted(appointments.get(0));
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).completedInfusions() == 1);
		assertThat(lifecycle.ofCourse(course.id())).filteredOn(a -> a.id().equals(appointments.get(0).id()))
			.singleElement()
			.extracting(Appointment::status)
			.isEqualTo(AppointmentStatus.FULFILLED);
		assertThat(courses.get(course.id()).status()).isEqualTo(CourseStatus.ACTIVE);

		sessionCompleted(appointments.get(0)); // another event about the same session changes nothing
		appointments.subList(1, 6).forEach(CourseProgressTest::sessionCompleted);
		await().atMost(PATIENCE).until(() -> courses.get(course.id()).status() == CourseStatus.COMPLETED);
		assertThat(courses.get(course.id()).completedInfusions()).isEqualTo(6);
		assertThat(lifecycle.ofCourse(course.id())).extracting(Appointment::status)
			.containsOnly(AppointmentStatus.FULFILLED);
		// announced once, for booster planning
		var completedType = "clinic.scheduling.course-completed.v1";
		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(completedType, course.patientId()))
				.isEmpty());
		var completed = EventProbe.records("clinic.scheduling", EventProbe.ofType(completedType, course.patientId()));
		assertThat(completed).hasSize(1);
		assertThat(EventSchemas.violations(completedType, completed.get(0).value())).isEmpty();
		assertThat(new String(completed.get(0).value())).contains("\"completedInfusions\":6")
			.contains(course.id().toString());

		assertThatThrownBy(() -> bookings.book(course.id(), new Booking(CHAIR_1, at(week.plusDays(14), 9, 0))))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("COMPLETED");
	}

	@Test
	void givenAllPlannedInfusionsBookedThenAnotherBookingIsRefused() {
		var course = clearedPatientsCourse("Grace Hopper");
		var week = aWeekOfItsOwn();
		aWeekOfItsOwn();
		for (var day : new int[] { 0, 2, 4, 7, 9, 11 }) {
			bookings.book(course.id(), new Booking(CHAIR_2, at(week.plusDays(day), 13, 0)));
		}
		assertThatThrownBy(() -> bookings.book(course.id(), new Booking(CHAIR_2, at(week.plusDays(14), 13, 0))))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("All 6 planned infusions");
	}
}
