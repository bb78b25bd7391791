package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
 * Pauses a patient's current course after an adverse event session-service says pauses it (its setting, SERIOUS): the
 * open course, or when there is none the latest COMPLETED course (no booster before a resumption). Its future booked
 * appointments are held, and it takes no bookings, until a clinician resumes it. Held appointments may still be
 * cancelled. Every pausing adverse event is kept for its course, also one that comes while the course is paused
 * already; the resumption answers all of them and says so.
 */
@Service
public class CoursePausing {

	private static final Logger log = LoggerFactory.getLogger(CoursePausing.class);

	private final CourseService courses;

	private final Appointments appointments;

	private final CourseAdverseEvents adverseEvents;

	private final AppointmentLifecycle lifecycle;

	private final SchedulingSettings settings;

	private final ClinicEvents events;

	private final Clock clock;

	CoursePausing(CourseService courses, Appointments appointments, CourseAdverseEvents adverseEvents,
			AppointmentLifecycle lifecycle, SchedulingSettings settings, ClinicEvents events, Clock clock) {
		this.courses = courses;
		this.appointments = appointments;
		this.adverseEvents = adverseEvents;
		this.lifecycle = lifecycle;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * An adverse event session-service reported for the patient; {@code pausesCourse} is session-service's verdict
	 * (it grades the event and owns the rule, clinic.session.adverse-events.pause-course-on).
	 */
	public record AdverseEvent(UUID patientId, String grade, UUID adverseEventId, Instant occurredAt,
			boolean pausesCourse, @Nullable String reportedBy, @Nullable String description) {

		public AdverseEvent(UUID patientId, String grade, UUID adverseEventId, Instant occurredAt,
				boolean pausesCourse) {
			this(patientId, grade, adverseEventId, occurredAt, pausesCourse, null, null);
		}

		/** Why the course is paused, in the words a nurse and a clinician read (the event's id travels apart). */
		String pauseReason() {
			var why = grade + " adverse event" + (reportedBy == null ? "" : " reported by " + reportedBy)
					+ (description == null || description.isBlank() ? "" : ": " + description.strip());
			return why.length() <= BookingService.MAX_REASON ? why : why.substring(0, BookingService.MAX_REASON - 1) + "…";
		}
	}

	/**
	 * Pauses the patient's current course when the event pauses it, and keeps the adverse event for it. A course paused
	 * already keeps the event and stays paused; other grades, a repeat of an event kept before and a patient without
	 * a current course change nothing. Returns the course paused just now, if any.
	 */
	@Transactional
	public Optional<Course> adverseEventReported(AdverseEvent event) {
		if (!event.pausesCourse()) {
			log.info("Adverse event {} of patient {} is {}: session-service says it does not pause the course",
					event.adverseEventId(), event.patientId(), event.grade());
			return Optional.empty();
		}
		var now = clock.instant();
		var current = currentCourse(event.patientId(), now);
		if (current.isEmpty()) {
			log.info("{} adverse event {} of patient {}: no open or completed course to pause", event.grade(),
					event.adverseEventId(), event.patientId());
			return Optional.empty();
		}
		var course = current.get();
		if (!adverseEvents.record(course.id(), event.adverseEventId(), event.grade(), event.occurredAt(), now)) {
			log.info("Adverse event {} was kept for course {} before; nothing changes", event.adverseEventId(),
					course.id());
			return Optional.empty();
		}
		if (course.status() == CourseStatus.PAUSED) {
			log.info("{} adverse event {} kept for course {} of patient {}, which is paused already ({})",
					event.grade(), event.adverseEventId(), course.id(), course.patientId(), course.pauseReason());
			return Optional.empty();
		}
		var reason = event.pauseReason();
		var paused = courses.pause(course, reason);
		var held = appointments.holdFuture(paused.id(), now);
		events.publish(CoursePaused.of(paused, event.adverseEventId(), held, now));
		log.info("Course {} of patient {} paused ({}); {} appointment(s) held", paused.id(), paused.patientId(),
				reason, held.size());
		return Optional.of(paused);
	}

	/**
	 * The course an adverse event is about, held: the patient's unfinished one (open or paused), else the latest
	 * COMPLETED one with booked appointments ahead (boosters).
	 */
	private Optional<Course> currentCourse(UUID patientId, Instant now) {
		var unfinished = courses.holdUnfinishedOf(patientId);
		if (unfinished.isPresent()) {
			return unfinished;
		}
		return courses.ofPatient(patientId)
			.stream()
			.filter(c -> c.status() == CourseStatus.COMPLETED)
			.sorted(Comparator.comparing(Course::createdAt).reversed())
			.findFirst()
			.map(c -> courses.holdForBooking(c.id()))
			.filter(c -> c.status() == CourseStatus.COMPLETED);
	}

	/**
	 * A clinician resumes the paused course with a reason: COMPLETED again when every induction infusion was given,
	 * else ACTIVE (TO_PLAN when it has no appointments); its held appointments are released. A held appointment whose
	 * time passed while the course was paused was never expected: it is cancelled, not left to the no-show sweep.
	 * course-resumed lists every adverse event kept for the course that no earlier resumption answered.
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
		var by = CurrentUser.name();
		var now = clock.instant();
		for (var missed : heldAndPassed(courseId, now)) {
			course = lifecycle.cancelFor(missed, course, "Not given: the course was paused then ("
					+ course.pauseReason() + ")", by, now);
		}
		var resumed = courses.resume(course, appointments.countBooked(courseId) > 0);
		appointments.releaseHolds(courseId);
		var answered = adverseEvents.answerAll(courseId, by, now);
		events.publish(CourseResumed.of(resumed, why, by, now, answered));
		return resumed;
	}

	private List<Appointment> heldAndPassed(UUID courseId, Instant now) {
		return appointments.ofCourses(List.of(courseId))
			.stream()
			.filter(a -> a.onHold() && a.status() == AppointmentStatus.BOOKED && !a.start().isAfter(now))
			.toList();
	}
}
