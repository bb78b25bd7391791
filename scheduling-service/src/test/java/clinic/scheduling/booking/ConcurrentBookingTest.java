package clinic.scheduling.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.courses.Course;

/** Twenty people booking one chair at overlapping times at the same moment: the database lets exactly one through. */
class ConcurrentBookingTest extends SchedulingIntegrationTest {

	private static final int BOOKERS = 20;

	@Test
	void givenTwentyOverlappingBookingsOfOneChairAtOnceThenExactlyOneSucceedsAndNoRowsOverlap() throws Exception {
		var monday = aWeekOfItsOwn();
		var courses = new ArrayList<Course>();
		for (int i = 0; i < BOOKERS; i++) {
			courses.add(clearedPatientsCourse("Patient " + i));
		}
		var ready = new CountDownLatch(BOOKERS);
		var go = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(BOOKERS);
		List<Future<Appointment>> attempts = new ArrayList<>();
		try {
			for (int i = 0; i < BOOKERS; i++) {
				// 09:00, 09:05, ... 10:35: every slot overlaps every other (each holds the chair 110 min)
				var booking = new BookingService.Booking(CHAIR_4, at(monday, 9, 0).plus(Duration.ofMinutes(5L * i)));
				var course = courses.get(i);
				Callable<Appointment> attempt = () -> {
					ready.countDown();
					go.await();
					return bookings.book(course.id(), booking);
				};
				attempts.add(pool.submit(attempt));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();

			int booked = 0;
			var conflicts = new ArrayList<String>();
			for (var attempt : attempts) {
				try {
					attempt.get(60, TimeUnit.SECONDS);
					booked++;
				}
				catch (ExecutionException e) {
					assertThat(e.getCause()).isInstanceOf(ConflictException.class);
					conflicts.add(e.getCause().getMessage());
				}
			}
			assertThat(booked).isEqualTo(1);
			assertThat(conflicts).hasSize(BOOKERS - 1).allSatisfy(message -> assertThat(message).contains("Chair 4"));
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(jdbc.sql("""
				select count(*) from appointment a join appointment b
				  on a.chair_id = b.chair_id and a.id < b.id
				 and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
				where a.status <> 'cancelled' and b.status <> 'cancelled'""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from appointment a join appointment b
				  on a.patient_id = b.patient_id and a.id < b.id
				 and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
				where a.status <> 'cancelled' and b.status <> 'cancelled'""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from appointment where chair_id = :chair and start_at >= :from and start_at < :to""")
			.param("chair", CHAIR_4)
			.param("from", java.sql.Timestamp.from(at(monday, 0, 0)))
			.param("to", java.sql.Timestamp.from(at(monday.plusDays(1), 0, 0)))
			.query(Long.class)
			.single()).isEqualTo(1L);
	}
}
