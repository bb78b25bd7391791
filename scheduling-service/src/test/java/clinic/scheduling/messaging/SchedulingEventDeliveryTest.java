package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.AbstractEventDeliveryTest;
import clinic.scheduling.SchedulingApplication;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;

/** Scheduling publishes appointment-booked and consumes eligibility-decided (a cleared patient's course). */
class SchedulingEventDeliveryTest extends AbstractEventDeliveryTest {

	@Override
	protected Class<?> application() {
		return SchedulingApplication.class;
	}

	@Override
	protected String applicationName() {
		return "scheduling-service";
	}

	@Override
	protected String producedType() {
		return "clinic.scheduling.appointment-booked.v1";
	}

	/** Plans a course as the eligibility handler would, then books its first infusion. */
	@Override
	protected UUID changeState(ConfigurableApplicationContext context) {
		var patient = UUID.randomUUID();
		var course = context.getBean(CourseService.class)
			.decided(new CourseService.Decision(patient, "Ada Lovelace", Eligibility.CLEARED, 4, Instant.now()))
			.orElseThrow();
		var start = SchedulingIntegrationTest.at(SchedulingIntegrationTest.aWeekOfItsOwn(), 9, 0);
		context.getBean(BookingService.class)
			.book(course.id(), new BookingService.Booking(SchedulingIntegrationTest.CHAIR_1, start));
		return patient;
	}

	@Override
	protected String consumedType() {
		return "clinic.intake.eligibility-decided.v1";
	}

	@Override
	protected String consumedData(UUID eventId, UUID patientId) {
		return """
				{"eventId":"%s","patientId":"%s","aggregateVersion":4,"occurredAt":"2026-11-20T10:00:00Z",
				 "decisionId":"%s","screeningId":"%s","outcome":"CLEARED","decidedBy":"dr.house","reason":null,
				 "patientName":"Ada Lovelace","dosePlan":{"route":"IV","mgPerKg":0.5}}"""
			.formatted(eventId, patientId, UUID.randomUUID(), UUID.randomUUID());
	}

	@Override
	protected Object effectOf(ConfigurableApplicationContext context, UUID patientId) {
		var courses = context.getBean(CourseService.class).ofPatient(patientId);
		return courses.isEmpty() ? null : courses;
	}
}
