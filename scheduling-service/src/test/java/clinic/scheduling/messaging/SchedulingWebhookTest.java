package clinic.scheduling.messaging;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;

import clinic.platform.test.WebhookGuarantees;
import clinic.scheduling.SchedulingIntegrationTest;
import clinic.scheduling.booking.BookingService;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.patients.Eligibility;

/** Scheduling's webhooks: an infusion booked for a cleared patient reaches the receivers as appointment-booked. */
class SchedulingWebhookTest extends SchedulingIntegrationTest implements WebhookGuarantees {

	@Override
	public String apiPrefix() {
		return "/api/scheduling/";
	}

	@Override
	public String webhookType() {
		return "clinic.scheduling.appointment-booked.v1";
	}

	@Override
	public String unrelatedType() {
		return "clinic.scheduling.course-completed.v1";
	}

	/** Plans a course as the eligibility handler would, then books its first infusion in a week of its own. */
	@Override
	public UUID changeState(ConfigurableApplicationContext context) {
		var patient = UUID.randomUUID();
		var course = context.getBean(CourseService.class)
			.decided(new CourseService.Decision(patient, "Grace Hopper", Eligibility.CLEARED, 4, Instant.now()))
			.orElseThrow();
		context.getBean(BookingService.class)
			.book(course.id(), new BookingService.Booking(CHAIR_1, at(aWeekOfItsOwn(), 9, 0)));
		return patient;
	}
}
