package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.courses.Course;

/**
 * Many people booking at the same moment, through the service as the API calls it: the database's exclusion
 * constraints keep chairs and patients in one place, and the per-site capacity lock keeps nurses within what they
 * may watch. Every loser is told why (409), and the rows in the database are checked afterwards.
 */
class ConcurrentBookingTest extends SchedulingIntegrationTest {

	private static final int BOOKERS = 20;

	/** What came of a race: how many attempts succeeded and the messages of the refused ones. */
	private record Outcome(int succeeded, List<String> conflicts) {
	}

	/** Starts every attempt at once and waits for all of them; anything but a 409 fails the test. */
	private static Outcome race(List<Callable<?>> attempts) throws Exception {
		var ready = new CountDownLatch(attempts.size());
		var go = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(attempts.size());
		try {
			var futures = new ArrayList<Future<?>>();
			for (var attempt : attempts) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return attempt.call();
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			int succeeded = 0;
			var conflicts = new ArrayList<String>();
			for (var future : futures) {
				try {
					future.get(60, TimeUnit.SECONDS);
					succeeded++;
				}
				catch (ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(ConflictException.class);
					conflicts.add(e.getCause().getMessage());
				}
			}
			return new Outcome(succeeded, conflicts);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void nurseAway(String nurse, LocalDate day) {
		jdbc.sql("insert into nurse_absence (id, nurse, on_date, reason) values (gen_random_uuid(), :n, :d, 'sick')")
			.param("n", nurse)
			.param("d", day)
			.update();
	}

	/** Appointments holding time anywhere, overlapping another of the same chair or the same patient. */
	private void assertNoChairOrPatientOverlaps() {
		for (var column : List.of("chair_id", "patient_id")) {
			assertThat(jdbc.sql("""
					select count(*) from appointment a join appointment b
					  on a.%1$s = b.%1$s and a.id < b.id
					 and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
					where a.status <> 'cancelled' and b.status <> 'cancelled'""".formatted(column))
				.query(Long.class)
				.single()).as("overlaps by " + column).isZero();
		}
	}

	/** The most appointments running at once at any start of an appointment in [from, until). */
	private long peakLoad(Instant from, Instant until) {
		return jdbc.sql("""
				select coalesce(max((select count(*) from appointment b
				  where b.status <> 'cancelled' and b.start_at <= a.start_at and b.end_at > a.start_at)), 0)
				from appointment a where a.status <> 'cancelled' and a.start_at >= :from and a.start_at < :until""")
			.param("from", java.sql.Timestamp.from(from))
			.param("until", java.sql.Timestamp.from(until))
			.query(Long.class)
			.single();
	}

	@Test
	void givenTwentyOverlappingBookingsOfOneChairAtOnceThenExactlyOneSucceedsAndNoRowsOverlap() throws Exception {
		twentyBookersRaceForOneChair();
	}

	/** The long form (-Plong) runs the race again and again, each time in a week of its own: a rare race shows. */
	@Tag("long")
	@RepeatedTest(30)
	void givenTheRaceForOneChairRunAgainAndAgainThenEveryTimeExactlyOneSucceeds() throws Exception {
		twentyBookersRaceForOneChair();
	}

	private void twentyBookersRaceForOneChair() throws Exception {
		var monday = aWeekOfItsOwn();
		var attempts = new ArrayList<Callable<?>>();
		for (int i = 0; i < BOOKERS; i++) {
			var course = clearedPatientsCourse("Patient " + i);
			// 09:00, 09:05, ... 10:35: every slot overlaps every other (each holds the chair 110 min)
			var booking = new BookingService.Booking(CHAIR_4, at(monday, 9, 0).plus(Duration.ofMinutes(5L * i)));
			attempts.add(() -> bookings.book(course.id(), booking));
		}

		var outcome = race(attempts);

		assertThat(outcome.succeeded()).isEqualTo(1);
		assertThat(outcome.conflicts()).hasSize(BOOKERS - 1).allSatisfy(message -> assertThat(message).contains("Chair 4"));
		assertNoChairOrPatientOverlaps();
		assertThat(jdbc.sql("""
				select count(*) from appointment where chair_id = :chair and start_at >= :from and start_at < :to""")
			.param("chair", CHAIR_4)
			.param("from", java.sql.Timestamp.from(at(monday, 0, 0)))
			.param("to", java.sql.Timestamp.from(at(monday.plusDays(1), 0, 0)))
			.query(Long.class)
			.single()).isEqualTo(1L);
	}

	@Test
	void givenOneNurseForTwoChairsWhenFourChairsAreBookedAtOnceThenExactlyTwoSucceedAndTheOthersHearNoNurse()
			throws Exception {
		var monday = aWeekOfItsOwn();
		nurseAway("Nurse B", monday);
		var attempts = new ArrayList<Callable<?>>();
		for (var chair : List.of(CHAIR_1, CHAIR_2, CHAIR_3, CHAIR_4)) {
			var course = clearedPatientsCourse("Patient in " + chair);
			attempts.add(() -> bookings.book(course.id(), new BookingService.Booking(chair, at(monday, 9, 0))));
		}

		var outcome = race(attempts);

		assertThat(outcome.succeeded()).isEqualTo(2);
		assertThat(outcome.conflicts()).hasSize(2).allSatisfy(message -> assertThat(message).contains("No nurse"));
		assertThat(peakLoad(at(monday, 0, 0), at(monday.plusDays(1), 0, 0))).isEqualTo(2);
	}

	@Test
	void givenWholeCoursesBookedAtOnceWithRoomForTwoThenExactlyTwoAreBookedWholeAndTheOthersNotAtAll()
			throws Exception {
		var monday = weeksOfTheirOwn(4);
		var days = List.of(monday, monday.plusDays(2), monday.plusDays(4), monday.plusDays(7), monday.plusDays(9),
				monday.plusDays(11));
		days.forEach(day -> nurseAway("Nurse B", day)); // Nurse A alone: two chairs at a time
		// six courses at the same six times: four in chairs of their own, two more in Chairs 1 and 2
		var chairs = List.of(CHAIR_1, CHAIR_2, CHAIR_3, CHAIR_4, CHAIR_1, CHAIR_2);
		var courses = new ArrayList<Course>();
		var attempts = new ArrayList<Callable<?>>();
		for (var chair : chairs) {
			var course = clearedPatientsCourse("Course patient in " + chair);
			courses.add(course);
			var occurrences = days.stream().map(day -> new BookingService.Booking(chair, at(day, 9, 0))).toList();
			attempts.add(() -> bookings.bookCourse(course.id(), occurrences));
		}

		var outcome = race(attempts);

		assertThat(outcome.succeeded()).isEqualTo(2);
		assertThat(outcome.conflicts()).hasSize(4).allSatisfy(message -> assertThat(message).contains("nothing was booked"));
		var perCourse = courses.stream()
			.map(course -> jdbc.sql("select count(*) from appointment where course_id = :c and status <> 'cancelled'")
				.param("c", course.id())
				.query(Long.class)
				.single())
			.toList();
		assertThat(perCourse).as("each course booked whole or not at all").containsOnly(0L, 6L);
		assertThat(perCourse.stream().filter(n -> n == 6L).count()).isEqualTo(2);
		assertNoChairOrPatientOverlaps();
		assertThat(peakLoad(at(monday, 0, 0), at(monday.plusDays(28), 0, 0))).isEqualTo(2);
	}

	@Test
	void givenTenFrontDesksBookingTheEarliestCourseAtOneSiteAtOnceThenEachIsBookedWholeAndNoneRefused()
			throws Exception {
		var monday = weeksOfTheirOwn(8);
		var until = at(monday.plusWeeks(8), 0, 0);
		var wishes = new PlanningService.Wishes(SITE, at(monday, 0, 0), until, null, null, null, null);
		var courses = new ArrayList<Course>();
		var attempts = new ArrayList<Callable<?>>();
		for (int i = 0; i < 10; i++) {
			var course = clearedPatientsCourse("Earliest course patient " + i);
			courses.add(course);
			attempts.add(() -> bookings.bookEarliestCourse(course.id(), wishes).orElseThrow());
		}

		var outcome = race(attempts);

		assertThat(outcome.conflicts()).as("served one after the other under the site's lock").isEmpty();
		assertThat(outcome.succeeded()).isEqualTo(10);
		for (var course : courses) {
			assertThat(jdbc.sql("select count(*) from appointment where course_id = :c and status = 'booked'")
				.param("c", course.id())
				.query(Long.class)
				.single()).as("booked whole").isEqualTo((long) course.plannedInfusions());
		}
		assertNoChairOrPatientOverlaps();
	}
}
