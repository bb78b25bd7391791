package clinic.scheduling.calendar.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.booking.PlanningService;
import clinic.scheduling.calendar.CalendarAppointment;
import clinic.scheduling.calendar.CalendarService;

/**
 * The planning calendar kept in memory follows the site's changes: one written by another instance (straight into
 * the database, outside this instance's transactions) through PostgreSQL's notification within moments, this
 * instance's own booking in the very next read, and one not heard of yet never booked over.
 */
class SiteCalendarChangesTest extends SchedulingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	/** Far longer than a notification takes to arrive on this machine (milliseconds). */
	private static final Duration NOTIFICATION_DELAY = Duration.ofMillis(500);

	@Autowired
	CalendarService calendars;

	@Autowired
	SiteCalendarCache cache;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	PlanningService planning;

	@Test
	void anotherInstancesBookingReachesThePlanningCalendarWithinMoments() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var day = weekdayAhead();
		var planning = planningCalendar(site.siteId(), day);
		assertThat(planning.get()).isEmpty();
		awaitKept(site.siteId(), planning);

		// another instance books: the rows it writes, in its own transaction
		var course = UUID.randomUUID();
		var patient = UUID.randomUUID();
		var appointment = UUID.randomUUID();
		jdbc.sql("""
				insert into course (id, patient_id, patient_name, status, planned_infusions, completed_infusions, version,
				  created_at) values (?, ?, 'Booked elsewhere', 'ACTIVE', 6, 0, 1, now())""")
			.params(course, patient)
			.update();
		jdbc.sql("""
				insert into appointment (id, course_id, patient_id, chair_id, kind, sequence, start_at, end_at, status,
				  booked_by, booked_at) values (?, ?, ?, ?, 'INFUSION', 1, ?, ?, 'booked', 'another instance', now())""")
			.params(appointment, course, patient, site.chairId(),
					Timestamp.from(site.at(day, 10, 0)), Timestamp.from(site.at(day, 11, 50)))
			.update();

		var deadline = System.nanoTime() + PATIENCE.toNanos();
		while (planning.get().stream().noneMatch(a -> a.id().equals(appointment)) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(planning.get()).extracting(CalendarAppointment::id).containsExactly(appointment);
	}

	@Test
	void thisInstancesOwnBookingIsInTheNextRead() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var day = weekdayAhead();
		var planning = planningCalendar(site.siteId(), day);
		awaitKept(site.siteId(), planning);

		var course = clearedPatientsCourse("Booked here");
		var booked = bookings.book(course.id(), new BookingService.Booking(site.chairId(), site.at(day, 10, 0)));

		assertThat(planning.get()).extracting(CalendarAppointment::id).containsExactly(booked.id());
		// and not by the notification's luck: the booking was added to the kept calendar as its transaction
		// committed, and the notification of its own transaction, which comes after, does not drop it
		assertThat(cache.keeps(site.siteId())).as("kept through this instance's own booking").isTrue();
		Thread.sleep(NOTIFICATION_DELAY.toMillis());
		assertThat(cache.keeps(site.siteId())).as("kept after its own transaction's notification").isTrue();
		assertThat(planning.get()).extracting(CalendarAppointment::id).containsExactly(booked.id());
	}

	@Test
	void givenABookingTheKeptCalendarHasNotHeardOfThenTheEarliestCourseIsBookedAroundIt() throws Exception {
		var site = siteIn(CLINIC_ZONE);
		var day = weekdayAhead();
		var wishes = new PlanningService.Wishes(site.siteId(), site.at(day, 0, 0), site.at(day.plusWeeks(8), 0, 0),
				null, null, null, null);
		// one course booked the quick way: the site's calendar is read and kept for planning under the lock
		bookings.bookEarliestCourse(clearedPatientsCourse("Booked first").id(), wishes).orElseThrow();
		assertThat(cache.keeps(site.siteId())).isTrue();
		var course = clearedPatientsCourse("Booked around it");
		var next = planning.propose(course.id(), wishes).orElseThrow().check().plan().occurrences().get(0);

		// a booking of the very time the next course would start at, which this instance has not heard of yet: its
		// notification taken for one of this instance's own, so it drops nothing (as while it is still on its way)
		var unheard = UUID.randomUUID();
		var writer = new TransactionTemplate(transactions);
		writer.executeWithoutResult(status -> {
			cache.ownTransaction(jdbc.sql("select txid_current()").query(Long.class).single());
			var other = UUID.randomUUID();
			var patient = UUID.randomUUID();
			jdbc.sql("""
					insert into course (id, patient_id, patient_name, status, planned_infusions, completed_infusions,
					  version, created_at) values (?, ?, 'Not heard of', 'ACTIVE', 6, 0, 1, now())""")
				.params(other, patient)
				.update();
			jdbc.sql("""
					insert into appointment (id, course_id, patient_id, chair_id, kind, sequence, start_at, end_at,
					  status, booked_by, booked_at)
					values (?, ?, ?, ?, 'INFUSION', 1, ?, ?, 'booked', 'another instance', now())""")
				.params(unheard, other, patient, next.chairId(), Timestamp.from(next.start()),
						Timestamp.from(next.end()))
				.update();
		});
		assertThat(planning.propose(course.id(), wishes).orElseThrow().check().plan().occurrences().get(0))
			.as("the kept calendar has not heard of it").isEqualTo(next);

		var booked = bookings.bookEarliestCourse(course.id(), wishes).orElseThrow();

		assertThat(booked).hasSize(course.plannedInfusions())
			.allSatisfy(appointment -> assertThat(
					appointment.start().isBefore(next.end()) && next.start().isBefore(appointment.end()))
				.as("clear of the booking not heard of")
				.isFalse());
		assertThat(booked.get(0).start()).isAfter(next.start());
	}

	/** The site's calendar of the day as planning reads it: in a read-only transaction, without names. */
	private Supplier<List<CalendarAppointment>> planningCalendar(UUID siteId, LocalDate day) {
		var readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		return () -> readOnly.execute(status -> calendars
			.load(CalendarService.Request.forPlanning(siteId, day, day, null, null))
			.appointments());
	}

	/** Reads until the cache keeps the site (the listener may still be starting). */
	private void awaitKept(UUID siteId, Supplier<List<CalendarAppointment>> planning) throws InterruptedException {
		var deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!cache.keeps(siteId) && System.nanoTime() < deadline) {
			planning.get();
			Thread.sleep(20);
		}
		assertThat(cache.keeps(siteId)).as("the site's calendar kept after a read-only read").isTrue();
	}

	/** A weekday two to three weeks ahead: the test's own site is open on weekdays. */
	private static LocalDate weekdayAhead() {
		var day = LocalDate.now(CLINIC_ZONE).plusDays(15);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.plusDays(1);
		}
		return day;
	}
}
