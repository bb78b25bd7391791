package clinic.scheduling.courses;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher publisher;

	CourseService(Courses courses, Patients patients, SchedulingSettings settings, Clock clock,
			ApplicationEventPublisher publisher) {
		this.courses = courses;
		this.patients = patients;
		this.settings = settings;
		this.clock = clock;
		this.publisher = publisher;
	}

	/**
	 * A clinician's signed eligibility decision; {@code patientVersion} is intake's version of the patient.
	 * {@code decisionId}, {@code decidedBy} and {@code reason} say which decision it is, who signed it and why.
	 */
	public record Decision(UUID patientId, String patientName, Eligibility eligibility, long patientVersion,
			Instant decidedAt, @Nullable UUID decisionId, @Nullable String decidedBy, @Nullable String reason) {

		/** A decision known only by its outcome (no signer or reason given). */
		public Decision(UUID patientId, String patientName, Eligibility eligibility, long patientVersion,
				Instant decidedAt) {
			this(patientId, patientName, eligibility, patientVersion, decidedAt, null, null, null);
		}
	}

	/**
	 * Records the decision. A decision older than the one already known changes nothing. A newer CLEARED decision
	 * plans an induction course for a patient without an unfinished one; a newer DECLINED decision announces
	 * {@link EligibilityDeclined} in this transaction, so that the patient's unfinished courses are closed with it.
	 * Returns the course planned, if any.
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
		if (decision.eligibility() == Eligibility.DECLINED) {
			publisher.publishEvent(new EligibilityDeclined(decision.patientId(), decision.decisionId(),
					decision.decidedBy() == null ? "a clinician" : decision.decidedBy(), decision.reason(),
					decision.decidedAt()));
			return Optional.empty();
		}
		if (courses.hasUnfinished(decision.patientId())) {
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

	/** The patient's unfinished course (TO_PLAN, ACTIVE or PAUSED), held for the caller's transaction. */
	@Transactional
	public Optional<Course> holdUnfinishedOf(UUID patientId) {
		return courses.unfinishedOf(patientId)
			.flatMap(unfinished -> courses.findForUpdate(unfinished.id()))
			.filter(c -> c.status().isUnfinished());
	}

	/** The patient's courses, oldest first, held for the caller's transaction. */
	@Transactional
	public List<Course> holdAllOf(UUID patientId) {
		return courses.ofPatientForUpdate(patientId);
	}

	/** Pauses the course with the reason; returns it at its new version. */
	@Transactional
	public Course pause(Course course, String reason) {
		var changed = course.paused(reason);
		courses.update(changed);
		return changed;
	}

	/** Resumes the paused course: COMPLETED when every induction infusion was given, else ACTIVE or TO_PLAN. */
	@Transactional
	public Course resume(Course course, boolean hasAppointments) {
		var changed = course.resumed(hasAppointments);
		courses.update(changed);
		return changed;
	}

	/** Closes the unfinished course for good with the reason; returns it at its new version. */
	@Transactional
	public Course cancel(Course course, String reason) {
		if (!course.status().isUnfinished()) {
			throw new IllegalStateException("Course " + course.id() + " is " + course.status() + ", not unfinished");
		}
		var changed = course.cancelled(reason);
		courses.update(changed);
		return changed;
	}

	/** Whether the patient's latest known eligibility decision declined them. */
	@Transactional(readOnly = true)
	public boolean isDeclined(UUID patientId) {
		return patients.find(patientId).map(p -> p.eligibility() == Eligibility.DECLINED).orElse(false);
	}

	@Transactional(readOnly = true)
	public Course get(UUID id) {
		return courses.find(id).orElseThrow(() -> new NotFoundException("Course", id));
	}

	@Transactional(readOnly = true)
	public List<Course> all(CourseStatus status) {
		return courses.all(status);
	}

	/** Courses by status and the patient's name, a page at a time. */
	@Transactional(readOnly = true)
	public CourseSearch.Page search(CourseSearch search) {
		return courses.search(search);
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

	/**
	 * The course after infusions were given, and whether that completed it just now (a paused course is not
	 * completed until it is resumed; resuming it says COMPLETED).
	 */
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
