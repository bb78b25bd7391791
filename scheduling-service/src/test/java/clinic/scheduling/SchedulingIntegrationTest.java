package clinic.scheduling;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import clinic.platform.test.ServiceIntegrationTest;
import clinic.platform.test.Tokens;
import clinic.scheduling.booking.AppointmentLifecycle;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;

/**
 * The scheduling service on real PostgreSQL and Kafka. Every test class extending this shares one application
 * context (and so one database), which keeps the suite fast; tests keep apart by booking in weeks of their own. The
 * clinic's clock follows the system clock unless a test sets it, and follows it again after every test.
 */
public abstract class SchedulingIntegrationTest extends ServiceIntegrationTest {

	/** The seeded site ("Main clinic"); tests that add resources do so at sites of their own. */
	public static final UUID SITE = UUID.fromString("517e0000-0000-4000-8000-000000000001");

	public static final UUID CHAIR_1 = UUID.fromString("c4a10000-0000-4000-8000-000000000001");

	public static final UUID CHAIR_2 = UUID.fromString("c4a10000-0000-4000-8000-000000000002");

	public static final UUID CHAIR_3 = UUID.fromString("c4a10000-0000-4000-8000-000000000003");

	public static final UUID CHAIR_4 = UUID.fromString("c4a10000-0000-4000-8000-000000000004");

	public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Zurich");

	private static final AtomicInteger weeksAhead = new AtomicInteger(1);

	@Autowired
	protected CourseService courses;

	@Autowired
	protected BookingService bookings;

	@Autowired
	protected AppointmentLifecycle lifecycle;

	/** A patient cleared by intake, with the induction course that planned for them. */
	protected Course clearedPatientsCourse(String name) {
		return courses
			.decided(new CourseService.Decision(UUID.randomUUID(), name, Eligibility.CLEARED, 3, Instant.now()))
			.orElseThrow();
	}

	/** A site of a test's own, with the one chair it has. */
	public record OwnSite(UUID siteId, String name, UUID chairId, ZoneId zone) {

		/** The instant of a wall-clock time on the site's clock. */
		public Instant at(LocalDate day, int hour, int minute) {
			return day.atTime(LocalTime.of(hour, minute)).atZone(zone).toInstant();
		}
	}

	/**
	 * A new site keeping time in {@code zone}, made through the admin API: the clinic-wide opening hours (weekdays
	 * 08:00–18:00, on the site's clock), one room with one chair, and a nurse of its own on the rota every weekday
	 * 08:00–18:00 on the site's clock, watching two chairs.
	 */
	protected OwnSite siteIn(ZoneId zone) throws Exception {
		var admin = Tokens.as("ann", "admin");
		var name = "Site " + UUID.randomUUID().toString().substring(0, 8);
		var site = created(post("/api/scheduling/sites").with(admin), """
				{"name":"%s","timeZone":"%s"}""".formatted(name, zone.getId()));
		var room = created(post("/api/scheduling/sites/{siteId}/rooms", site).with(admin), """
				{"name":"Infusion room"}""");
		var chair = created(post("/api/scheduling/rooms/{roomId}/chairs", room).with(admin), """
				{"name":"Chair A","attributes":["recliner","monitor"]}""");
		var nurse = "Nurse " + UUID.randomUUID().toString().substring(0, 8);
		for (int day = 1; day <= 5; day++) {
			created(post("/api/scheduling/sites/{siteId}/nurse-rota", site).with(admin), """
					{"nurse":"%s","dayOfWeek":%d,"starts":"08:00","ends":"18:00","chairsWatched":2,
					 "validFrom":"2020-01-01"}""".formatted(nurse, day));
		}
		return new OwnSite(site, name, chair, zone);
	}

	private UUID created(MockHttpServletRequestBuilder request, String body) throws Exception {
		var response = mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(json.readTree(response).get("id").asString());
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

	/**
	 * A week in the past no other test books in, three years back: a test sets the clock to it to book there and
	 * then let its days end (the seeded rota holds from 2020).
	 */
	public static LocalDate aPastWeekOfItsOwn() {
		return aWeekOfItsOwn().minusWeeks(3 * 52);
	}

	public static Instant at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).atZone(CLINIC_ZONE).toInstant();
	}
}
