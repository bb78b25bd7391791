package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import clinic.platform.test.EventDeliveryGuarantees;
import clinic.scheduling.SchedulingApplication;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.PatientRegistry;

/**
 * Scheduling publishes appointment-booked and consumes eligibility-decided (a cleared patient's course), the
 * session record's started and checked-in events (the appointment's status) and intake's registered, updated and
 * referred patients (whom a consultation is booked for).
 */
class SchedulingEventDeliveryTest extends SchedulingIntegrationTest implements EventDeliveryGuarantees {

	@Override
	public Class<?> application() {
		return SchedulingApplication.class;
	}

	@Override
	public String applicationName() {
		return "scheduling-service";
	}

	@Override
	public List<String> producedTypes() {
		return List.of("clinic.scheduling.appointment-booked.v1");
	}

	/** Plans a course as the eligibility handler would, then books its first infusion. */
	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		var patient = UUID.randomUUID();
		var course = context.getBean(CourseService.class)
			.decided(new CourseService.Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 4, Instant.now()))
			.orElseThrow();
		var start = at(aWeekOfItsOwn(), 9, 0);
		context.getBean(BookingService.class).book(course.id(), new BookingService.Booking(CHAIR_1, start));
		return patient;
	}

	@Override
	public List<ConsumedEvent> consumedEvents() {
		return List.of(new ConsumedEvent("clinic.intake.eligibility-decided.v1", (eventId, patientId) -> """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"2026-11-20T10:00:00Z",
				 "decisionId":"%s","screeningId":"%s","outcome":"CLEARED","decidedBy":"dr.house","reason":null,
				 "patientName":"Ada Lovelace","dosePlan":{"route":"IV","mgPerKg":0.5}}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID()), (context, patientId) -> {
				var courses = context.getBean(CourseService.class).ofPatient(patientId);
				return courses.isEmpty() ? null : courses;
			}), new ConsumedEvent("clinic.session.session-started.v1", (eventId, patientId) -> """
					{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
					 "sessionId":"%s","appointmentId":"%s","startedBy":"nina"}"""
				.formatted(eventId, patientId, UUID.randomUUID(), bookedFor(patientId)),
					SchedulingEventDeliveryTest::changedStatus),
				new ConsumedEvent("clinic.session.checked-in.v1", (eventId, patientId) -> """
						{"eventId":"%s","patientId":"%s","aggregateVersion":2,"occurredAt":"2026-11-20T10:00:00Z",
						 "sessionId":"%s","appointmentId":"%s","checkedInBy":"nina"}"""
					.formatted(eventId, patientId, UUID.randomUUID(), bookedFor(patientId)),
						SchedulingEventDeliveryTest::changedStatus),
				new ConsumedEvent("clinic.intake.patient-registered.v1", (eventId, patientId) -> identity(eventId,
						patientId, 1), SchedulingEventDeliveryTest::registered),
				new ConsumedEvent("clinic.intake.patient-updated.v1", (eventId, patientId) -> identity(eventId,
						patientId, 2), SchedulingEventDeliveryTest::registered),
				new ConsumedEvent("clinic.intake.referral-received.v1", (eventId, patientId) -> """
						{"eventId":"%s","patientId":"%s","aggregateVersion":1,"occurredAt":"2026-11-20T10:00:00Z",
						 "referralId":"%s","referringClinician":"Dr. Aiken","reason":"Two failed SSRIs",
						 "indication":"TREATMENT_RESISTANT_DEPRESSION","attachments":[]}"""
					.formatted(eventId, patientId, UUID.randomUUID()), (context, patientId) -> {
						var referrals = context.getBean(JdbcClient.class)
							.sql("select count(*) from patient_referral where patient_id = :patient")
							.param("patient", patientId)
							.query(Long.class)
							.single();
						return referrals == 0 ? null : referrals;
					}));
	}

	private static String identity(UUID eventId, UUID patientId, long version) {
		return """
				{"eventId":"%s","patientId":"%s","aggregateVersion":%d,"occurredAt":"2026-11-20T10:00:00Z",
				 "mrn":"MRN-000001","givenName":"Ada","familyName":"Lovelace","birthDate":"1985-12-10"}"""
			.formatted(eventId, patientId, version);
	}

	/** The patient as scheduling knows them from intake's registration; null while unknown. */
	private static Object registered(ConfigurableApplicationContext context, UUID patientId) {
		return context.getBean(PatientRegistry.class).find(patientId).orElse(null);
	}

	/** An appointment booked for the patient (who is cleared for it), for session events to be about. */
	private UUID bookedFor(UUID patientId) {
		var course = courses
			.decided(new CourseService.Decision(patientId, "Ada Lovelace", Eligibility.CLEARED, 4, Instant.now()))
			.orElseThrow();
		return bookings.book(course.id(), new BookingService.Booking(CHAIR_2, at(aWeekOfItsOwn(), 9, 0))).id();
	}

	/** The status of the patient's appointment once a session event changed it; null while it is booked (or none). */
	private static Object changedStatus(ConfigurableApplicationContext context, UUID patientId) {
		return context.getBean(JdbcClient.class)
			.sql("select status from appointment where patient_id = :patient")
			.param("patient", patientId)
			.query(String.class)
			.optional()
			.filter(status -> !status.equals("booked"))
			.orElse(null);
	}
}
