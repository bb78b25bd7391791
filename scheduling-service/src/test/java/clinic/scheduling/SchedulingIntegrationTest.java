package clinic.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import clinic.platform.test.RealInfrastructure;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;

/**
 * The scheduling service on real PostgreSQL and Kafka. Every test class extending this shares one application
 * context (and so one database), which keeps the suite fast; tests keep apart by booking in weeks of their own.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class SchedulingIntegrationTest {

	/** The seeded site ("Main clinic"); tests that add resources do so at sites of their own. */
	public static final UUID SITE = UUID.fromString("517e0000-0000-4000-8000-000000000001");

	public static final UUID CHAIR_1 = UUID.fromString("c4a10000-0000-4000-8000-000000000001");

	public static final UUID CHAIR_2 = UUID.fromString("c4a10000-0000-4000-8000-000000000002");

	public static final UUID CHAIR_3 = UUID.fromString("c4a10000-0000-4000-8000-000000000003");

	public static final UUID CHAIR_4 = UUID.fromString("c4a10000-0000-4000-8000-000000000004");

	public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Zurich");

	private static final AtomicInteger weeksAhead = new AtomicInteger(1);

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.register(registry, "scheduling-service");
	}

	@Autowired
	protected ConfigurableApplicationContext context;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected CourseService courses;

	@Autowired
	protected BookingService bookings;

	/** The service these tests share (the delivery guarantees run on it too). */
	public ConfigurableApplicationContext runningService() {
		return context;
	}

	/** A patient cleared by intake, with the induction course that planned for them. */
	protected Course clearedPatientsCourse(String name) {
		return courses
			.decided(new CourseService.Decision(UUID.randomUUID(), name, Eligibility.CLEARED, 3, Instant.now()))
			.orElseThrow();
	}

	/** A week no other test books in: its Monday, as a date in the clinic's time zone. */
	public static LocalDate aWeekOfItsOwn() {
		return LocalDate.now(CLINIC_ZONE)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.plusWeeks(weeksAhead.getAndIncrement());
	}

	/** {@code weeks} consecutive weeks no other test books in (a whole course spans up to four): the first Monday. */
	public static LocalDate weeksOfTheirOwn(int weeks) {
		return LocalDate.now(CLINIC_ZONE)
			.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
			.plusWeeks(weeksAhead.getAndAdd(weeks));
	}

	public static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CLINIC_ZONE).toInstant();
	}
}
