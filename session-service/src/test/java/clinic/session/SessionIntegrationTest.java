package clinic.session;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import clinic.platform.test.OutboxProbe;
import clinic.platform.test.RealInfrastructure;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;
import tools.jackson.databind.json.JsonMapper;

/**
 * The session service on real PostgreSQL and Kafka. Every test class extending this shares one application context
 * (and so one database); tests keep apart by patients, courses and sites of their own. The clinic's clock stands at
 * {@link #MONDAY_MORNING} at the start of every test, until the test moves it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(SessionIntegrationTest.TestClock.class)
public abstract class SessionIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	protected static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	/** Monday 7 January 2030, 08:00 in Zurich: where the clinic's clock stands at the start of every test. */
	protected static final Instant MONDAY_MORNING = ZonedDateTime.of(2030, 1, 7, 8, 0, 0, 0, ZURICH).toInstant();

	/** An infusion holds its chair this long (40 min infusion, 60 min recovery, 10 min turnover). */
	protected static final Duration CHAIR_TIME = Duration.ofMinutes(110);

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		MutableClock clock() {
			return new MutableClock();
		}
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		RealInfrastructure.register(registry, "session-service");
	}

	@Autowired
	protected ConfigurableApplicationContext context;

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected JsonMapper json;

	@Autowired
	protected Environment environment;

	@Autowired
	protected AppointmentService appointments;

	@Autowired
	protected DosePlanService dosePlans;

	@Autowired
	protected MutableClock clock;

	/** The service these tests share (the delivery guarantees run on it too). */
	public ConfigurableApplicationContext runningService() {
		return context;
	}

	/*
	 * The outbox stamps publications with this clock: were it moved while a send is in flight, the publication would
	 * look old at once and be resubmitted. In reality time passes after the send (milliseconds), so the clock moves
	 * only when everything stored has gone out.
	 */
	@BeforeEach
	void clockAtMondayMorning() {
		clock.beforeMoving(() -> await().atMost(PATIENCE).until(() -> OutboxProbe.incomplete(context) == 0));
		clock.set(MONDAY_MORNING);
	}

	@AfterEach
	void clockFollowsTheSystemClockAgain() {
		clock.followSystemClock();
	}

	/** A dose plan signed within the clinic's range of 0.1–1.0 mg/kg (intake's defaults). */
	protected static DosePlan plan(Route route, String mgPerKg) {
		return new DosePlan(route, new BigDecimal(mgPerKg), new BigDecimal("0.1"), new BigDecimal("1.0"));
	}

	/** The patient cleared by a clinician with this plan (intake's aggregate version 4), as the handler takes it. */
	protected UUID cleared(UUID patient, Route route, String mgPerKg) {
		dosePlans.decided(new DosePlanService.Decision(patient, "Ada Lovelace", UUID.randomUUID(), true,
				plan(route, mgPerKg), "dr.house", MONDAY_MORNING.minus(Duration.ofDays(7)), 4));
		return patient;
	}

	/** A course of six at a site of its own in Zurich, for one patient. */
	public record Course(UUID patientId, UUID courseId, UUID siteId) {

		public static Course of(UUID patientId) {
			return new Course(patientId, UUID.randomUUID(), UUID.randomUUID());
		}
	}

	/**
	 * Infusion {@code sequence} of the course booked at {@code start} (course version {@code sequence}), as the
	 * appointment-booked handler takes it; returns the appointment's id.
	 */
	protected UUID booked(Course course, int sequence, Instant start) {
		var appointment = UUID.randomUUID();
		appointments.booked(new BookedAppointment(appointment, course.patientId(), "Ada Lovelace", course.courseId(),
				new BookedAppointment.Place(course.siteId(), "Main clinic", ZURICH, UUID.randomUUID()),
				"Chair " + sequence, AppointmentKind.INFUSION, sequence, 6, start, start.plus(CHAIR_TIME), sequence));
		return appointment;
	}

	/** Publications not yet acknowledged by Kafka. */
	protected long incompletePublications() {
		return OutboxProbe.incomplete(context);
	}

	/** Every event stored so far is on the broker, and no resubmission will send one again. */
	protected void outboxSettled() {
		OutboxProbe.awaitSettled(context, PATIENCE);
	}
}
