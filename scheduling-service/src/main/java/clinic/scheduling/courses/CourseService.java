package clinic.scheduling.courses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.NotFoundException;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.patients.Eligibility;
import clinic.scheduling.patients.Patient;
import clinic.scheduling.patients.Patients;

/** Plans a course for each cleared patient and keeps its status in step with booked and given infusions. */
@Service
public class CourseService {

	private static final Logger log = LoggerFactory.getLogger(CourseService.class);

	private final Courses courses;

	private final Patients patients;

	private final SchedulingSettings settings;

	private final Clock clock;

	CourseService(Courses courses, Patients patients, SchedulingSettings settings, Clock clock) {
		this.courses = courses;
		this.patients = patients;
		this.settings = settings;
		this.clock = clock;
	}

	/** A clinician's signed eligibility decision; {@code patientVersion} is intake's version of the patient. */
	public record Decision(UUID patientId, String patientName, Eligibility eligibility, long patientVersion,
			Instant decidedAt) {
	}

	/**
	 * Records the decision and, for a cleared patient without an open course, plans an induction course. A
	 * decision older than the one already known changes nothing. Returns the course planned, if any.
	 */
	@Transactional
	public Optional<Course> decided(Decision decision) {
		var patient = new Patient(decision.patientId(), decision.patientName(), decision.eligibility(),
				decision.patientVersion(), decision.decidedAt());
		if (!patients.recordIfNewer(patient)) {
			log.info("Eligibility decision for patient {} at version {} is not newer than the one known; dropped",
					decision.patientId(), decision.patientVersion());
			return Optional.empty();
		}
		if (decision.eligibility() != Eligibility.CLEARED || courses.hasUnfinished(decision.patientId())) {
			return Optional.empty();
		}
		var course = Course.induction(decision.patientId(), decision.patientName(), settings.inductionInfusions(),
				clock.instant());
		courses.insert(course);
		return Optional.of(course);
	}

	/** The patient's open course (TO_PLAN or ACTIVE), held for the caller's transaction. */
	@Transactional
	public Optional<Course> holdOpenOf(UUID patientId) {
		return courses.openOf(patientId).flatMap(open -> courses.findForUpdate(open.id())).filter(c -> c.status().isOpen());
	}

	/** Pauses the open course with the reason; returns it at its new version. */
	@Transactional
	public Course pause(Course course, String reason) {
		var changed = course.paused(reason);
		courses.update(changed);
		return changed;
	}

	/** Resumes the paused course: ACTIVE when it has appointments, TO_PLAN otherwise. */
	@Transactional
	public Course resume(Course course, boolean hasAppointments) {
		var changed = course.resumed(hasAppointments);
		courses.update(changed);
		return changed;
	}

	@Transactional(readOnly = true)
	public Course get(UUID id) {
		return courses.find(id).orElseThrow(() -> new NotFoundException("Course", id));
	}

	@Transactional(readOnly = true)
	public List<Course> all(CourseStatus status) {
		return courses.all(status);
	}

	@Transactional(readOnly = true)
	public List<Course> ofPatient(UUID patientId) {
		return courses.ofPatient(patientId);
	}

	/** The course, held for the booking transaction the caller runs. */
	@Transactional
	public Course holdForBooking(UUID id) {
		return courses.findForUpdate(id).orElseThrow(() -> new NotFoundException("Course", id));
	}

	/** An infusion of the course was booked; returns the course with its new status and version. */
	@Transactional
	public Course infusionBooked(Course course) {
		var changed = course.withInfusionBooked();
		courses.update(changed);
		return changed;
	}

	/** One of the course's appointments changed its status; returns the course with its new version. */
	@Transactional
	public Course appointmentChanged(Course course) {
		var changed = course.withAppointmentChanged();
		courses.update(changed);
		return changed;
	}

	/** The course after infusions were given, and whether that completed it just now. */
	public record Progress(Course course, boolean completedNow) {
	}

	/** {@code fulfilled} appointments of the course have been given; returns the course as it is now. */
	@Transactional
	public Progress infusionsGiven(UUID courseId, int fulfilled) {
		var before = courses.findForUpdate(courseId).orElseThrow(() -> new NotFoundException("Course", courseId));
		var changed = before.withInfusionsGiven(fulfilled);
		courses.update(changed);
		return new Progress(changed,
				before.status() != CourseStatus.COMPLETED && changed.status() == CourseStatus.COMPLETED);
	}
}
