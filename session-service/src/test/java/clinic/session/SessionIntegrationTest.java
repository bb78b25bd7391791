package clinic.session;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import clinic.platform.test.ServiceIntegrationTest;
import clinic.session.appointments.AppointmentKind;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.Route;

/**
 * The session service on real PostgreSQL and Kafka. Every test class extending this shares one application context
 * (and so one database); tests keep apart by patients, courses and sites of their own. The clinic's clock stands at
 * {@link #MONDAY_MORNING} at the start of every test, until the test moves it.
 */
public abstract class SessionIntegrationTest extends ServiceIntegrationTest {

	protected static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	/** Monday 7 January 2030, 08:00 in Zurich: where the clinic's clock stands at the start of every test. */
	protected static final Instant MONDAY_MORNING = ZonedDateTime.of(2030, 1, 7, 8, 0, 0, 0, ZURICH).toInstant();

	/** An infusion holds its chair this long (40 min infusion, 60 min recovery, 10 min turnover). */
	protected static final Duration CHAIR_TIME = Duration.ofMinutes(110);

	@Autowired
	protected AppointmentService appointments;

	@Autowired
	protected DosePlanService dosePlans;

	@BeforeEach
	void clockAtMondayMorning() {
		clock.set(MONDAY_MORNING);
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
}
