package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.contracts.EventSchemas;
import clinic.platform.test.EventProbe;
import clinic.platform.test.OutboxProbe;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService.Booking;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseStatus;

/**
 * The no-show sweep on the service's clock: an appointment still booked two hours (the setting) after the midnight
 * that ends its day, in its site's time zone, is a no-show; one the patient came to, one held while its course is
 * paused and one whose day is not over are left as they are. The tests set the clock to a past week of their own,
 * book there, and let the days end.
 */
class NoShowSweepTest extends SchedulingIntegrationTest {

	private static final String NO_SHOW = "clinic.scheduling.appointment-no-show.v1";

	@Autowired
	NoShowSweep sweep;

	@Autowired
	CoursePausing pausing;

	Appointment book(Course course, UUID chair, Instant start) {
		return bookings.book(course.id(), new Booking(chair, start));
	}

	AppointmentStatus statusOf(Appointment appointment) {
		return lifecycle.appointment(appointment.id()).status();
	}

	void pause(Course course) {
		pausing.adverseEventReported(
				new CoursePausing.AdverseEvent(course.patientId(), "SERIOUS", UUID.randomUUID(), clock.instant(), true));
	}

	@Test
	void givenAppointmentsNobodyCameToWhenTheirDayIsOverOnTheirSitesClockThenTheSweepMarksThemNoShowAndNoOthers()
			throws Exception {
		var monday = aPastWeekOfItsOwn();
		var tuesday = monday.plusDays(1);
		var newYork = siteIn(ZoneId.of("America/New_York"));
		clock.set(at(monday, 7, 0));
		var absent = book(clearedPatientsCourse("Absent Patient"), CHAIR_1, at(monday, 9, 0));
		var arrived = book(clearedPatientsCourse("Arrived Patient"), CHAIR_2, at(monday, 9, 0));
		lifecycle.arrive(arrived.id());
		var pausedCourse = clearedPatientsCourse("Paused Patient");
		var held = book(pausedCourse, CHAIR_3, at(monday, 9, 0));
		pause(pausedCourse);
		var tomorrow = book(clearedPatientsCourse("Tomorrow Patient"), CHAIR_4, at(tuesday, 9, 0));
		// Monday 09:00 in New York; that day ends at 06:00 on Tuesday in Zurich
		var faraway = book(clearedPatientsCourse("Faraway Patient"), newYork.chairId(), newYork.at(monday, 9, 0));

		clock.set(at(tuesday, 1, 59));
		sweep.sweep();
		assertThat(statusOf(absent)).isEqualTo(AppointmentStatus.BOOKED);

		clock.set(at(tuesday, 2, 0));
		sweep.sweep();
		assertThat(statusOf(absent)).isEqualTo(AppointmentStatus.NOSHOW);
		assertThat(lifecycle.detail(absent.id()).history()).last().satisfies(change -> {
			assertThat(change.from()).isEqualTo(AppointmentStatus.BOOKED);
			assertThat(change.by()).isEqualTo("scheduling-service");
			assertThat(change.at()).isEqualTo(at(tuesday, 2, 0));
		});
		assertThat(statusOf(arrived)).isEqualTo(AppointmentStatus.ARRIVED);
		assertThat(statusOf(held)).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(lifecycle.appointment(held.id()).onHold()).isTrue();
		assertThat(statusOf(tomorrow)).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(statusOf(faraway)).isEqualTo(AppointmentStatus.BOOKED);

		clock.set(newYork.at(tuesday, 2, 0));
		sweep.sweep();
		assertThat(statusOf(faraway)).isEqualTo(AppointmentStatus.NOSHOW);
		assertThat(statusOf(tomorrow)).isEqualTo(AppointmentStatus.BOOKED);

		// published as the front desk's no-show is, once, also when the sweep runs again
		sweep.sweep();
		await().atMost(PATIENCE)
			.until(() -> !EventProbe.records("clinic.scheduling", EventProbe.ofType(NO_SHOW, absent.patientId()))
				.isEmpty());
		OutboxProbe.awaitSettled(context, PATIENCE);
		var published = EventProbe.records("clinic.scheduling", EventProbe.ofType(NO_SHOW, absent.patientId()));
		assertThat(published).hasSize(1);
		assertThat(EventSchemas.violations(NO_SHOW, published.get(0).value())).isEmpty();
		assertThat(new String(published.get(0).value())).contains(absent.id().toString());
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(NO_SHOW, held.patientId()))).isEmpty();
		assertThat(EventProbe.records("clinic.scheduling", EventProbe.ofType(NO_SHOW, arrived.patientId()))).isEmpty();
	}

	@Test
	void givenAnAppointmentHeldWhileItsDayPassedWhenTheCourseIsResumedThenItIsCancelledNotMarkedNoShow() {
		var monday = aPastWeekOfItsOwn();
		clock.set(at(monday, 7, 0));
		var course = clearedPatientsCourse("Held Patient");
		var missed = book(course, CHAIR_2, at(monday, 11, 0));
		var later = book(course, CHAIR_2, at(monday.plusDays(2), 11, 0));
		pause(course);

		clock.set(at(monday.plusDays(1), 9, 0));
		sweep.sweep();
		assertThat(statusOf(missed)).isEqualTo(AppointmentStatus.BOOKED);

		var resumed = pausing.resume(course.id(), "Reviewed with the patient");
		assertThat(resumed.status()).isEqualTo(CourseStatus.ACTIVE);
		assertThat(statusOf(missed)).isEqualTo(AppointmentStatus.CANCELLED);
		assertThat(lifecycle.detail(missed.id()).cancellationReason()).contains("the course was paused then");
		assertThat(statusOf(later)).isEqualTo(AppointmentStatus.BOOKED);
		assertThat(lifecycle.appointment(later.id()).onHold()).isFalse();
		sweep.sweep();
		assertThat(statusOf(missed)).isEqualTo(AppointmentStatus.CANCELLED);
	}
}
