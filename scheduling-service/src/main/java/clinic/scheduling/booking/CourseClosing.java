package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;
import clinic.scheduling.courses.EligibilityDeclined;

/**
 * A superseding DECLINED decision closes the patient's courses, in the transaction that records the decision: every
 * unfinished course (to plan, active or paused) is CANCELLED with the reason, and every future appointment of the
 * patient's courses still booked (held ones and the boosters of a completed course included) is cancelled with it.
 * Each cancellation is published as appointment-cancelled (so its slot is offered to the waitlist, as a front-desk
 * cancellation's is), then each closed course as course-cancelled, last and at its newest version. The course's
 * waitlist entries are withdrawn as the waitlist hears of it.
 */
@Service
public class CourseClosing {

	private static final Logger log = LoggerFactory.getLogger(CourseClosing.class);

	/** Who cancels on a decline: scheduling acts on intake's news; the reason names the clinician who declined. */
	static final String INTAKE_SERVICE = "intake-service";

	private final CourseService courses;

	private final Appointments appointments;

	private final AppointmentLifecycle lifecycle;

	private final ClinicEvents events;

	private final Clock clock;

	CourseClosing(CourseService courses, Appointments appointments, AppointmentLifecycle lifecycle, ClinicEvents events,
			Clock clock) {
		this.courses = courses;
		this.appointments = appointments;
		this.lifecycle = lifecycle;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void declined(EligibilityDeclined declined) {
		var reason = declined.explanation(BookingService.MAX_REASON);
		var now = clock.instant();
		for (var course : courses.holdAllOf(declined.patientId())) {
			if (course.status().isUnfinished()) {
				var cancelled = new ArrayList<UUID>();
				// the course closes last, so that course-cancelled is newer than every appointment-cancelled
				var closed = courses.cancel(cancelFuture(course, reason, now, cancelled), reason);
				events.publish(CourseCancelled.of(closed, declined.decisionId(), cancelled, now));
				log.info("Course {} of patient {} cancelled ({}); {} appointment(s) cancelled", closed.id(),
						closed.patientId(), reason, cancelled.size());
			}
			else if (course.status() == CourseStatus.COMPLETED) {
				var cancelled = new ArrayList<UUID>();
				cancelFuture(course, reason, now, cancelled);
				if (!cancelled.isEmpty()) {
					log.info("{} booster(s) of completed course {} of patient {} cancelled ({})", cancelled.size(),
							course.id(), course.patientId(), reason);
				}
			}
		}
	}

	/** Cancels the course's booked appointments that start after {@code now}; returns the course as it is then. */
	private Course cancelFuture(Course course, String reason, Instant now, List<UUID> cancelled) {
		var current = course;
		for (var appointment : appointments.ofCourses(List.of(course.id()))) {
			if (appointment.status() == AppointmentStatus.BOOKED && appointment.start().isAfter(now)) {
				current = lifecycle.cancelFor(appointment, current, reason, INTAKE_SERVICE, now);
				cancelled.add(appointment.id());
			}
		}
		return current;
	}
}
