package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;

/**
 * Pauses a patient's open course after an adverse event of a pausing grade (clinic setting, default SERIOUS): the
 * course's future booked appointments are held, and it takes no bookings, until a clinician resumes it. Held
 * appointments may still be cancelled.
 */
@Service
public class CoursePausing {

	private static final Logger log = LoggerFactory.getLogger(CoursePausing.class);

	private final CourseService courses;

	private final Appointments appointments;

	private final SchedulingSettings settings;

	private final ClinicEvents events;

	private final Clock clock;

	CoursePausing(CourseService courses, Appointments appointments, SchedulingSettings settings, ClinicEvents events,
			Clock clock) {
		this.courses = courses;
		this.appointments = appointments;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** An adverse event session-service reported for the patient. */
	public record AdverseEvent(UUID patientId, String grade, UUID adverseEventId, Instant occurredAt) {
	}

	/**
	 * Pauses the patient's open course when the grade pauses; other grades, and a patient without an open course,
	 * change nothing. Returns the paused course, if any.
	 */
	@Transactional
	public Optional<Course> adverseEventReported(AdverseEvent event) {
		if (!settings.pauses(event.grade())) {
			log.info("Adverse event {} of patient {} is {}; courses are paused only on {}", event.adverseEventId(),
					event.patientId(), event.grade(), settings.pauseOnGrades());
			return Optional.empty();
		}
		var open = courses.holdOpenOf(event.patientId());
		if (open.isEmpty()) {
			log.info("{} adverse event {} of patient {}: no open course to pause", event.grade(),
					event.adverseEventId(), event.patientId());
			return Optional.empty();
		}
		var reason = event.grade() + " adverse event " + event.adverseEventId();
		var paused = courses.pause(open.get(), reason);
		var held = appointments.holdFuture(paused.id(), clock.instant());
		events.publish(CoursePaused.of(paused, event.adverseEventId(), held, clock.instant()));
		log.info("Course {} of patient {} paused ({}); {} appointment(s) held", paused.id(), paused.patientId(),
				reason, held.size());
		return Optional.of(paused);
	}

	/**
	 * A clinician resumes the paused course with a reason: ACTIVE again (TO_PLAN when it has no appointments), its
	 * held appointments released.
	 */
	@Transactional
	public Course resume(UUID courseId, @Nullable String reason) {
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "Resuming a course needs a reason");
		}
		if (why.length() > BookingService.MAX_REASON) {
			throw new InvalidInputException("reason",
					"A reason has at most " + BookingService.MAX_REASON + " characters");
		}
		var course = courses.holdForBooking(courseId);
		if (course.status() != CourseStatus.PAUSED) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; only a paused course can be resumed");
		}
		var resumed = courses.resume(course, appointments.countBooked(courseId) > 0);
		appointments.releaseHolds(courseId);
		var by = CurrentUser.name();
		events.publish(CourseResumed.of(resumed, why, by, clock.instant()));
		return resumed;
	}
}
