package clinic.session.path;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.CourseState;

/**
 * Dosing pauses (applied at once for this service's own pausing adverse events, lifted when scheduling's resumption
 * names them) and clinicians' overrides of the course order.
 */
@Service
public class PathService {

	private static final Logger log = LoggerFactory.getLogger(PathService.class);

	public static final int MAX_REASON = 500;

	private final DosingPauses pauses;

	private final CourseOrderOverrides overrides;

	private final AppointmentService appointments;

	private final Clock clock;

	PathService(DosingPauses pauses, CourseOrderOverrides overrides, AppointmentService appointments, Clock clock) {
		this.pauses = pauses;
		this.overrides = overrides;
		this.appointments = appointments;
		this.clock = clock;
	}

	/** Pauses the patient's dosing now, in the caller's transaction (the adverse event's). */
	@Transactional
	public void pauseDosing(DosingPause pause) {
		pauses.insert(pause);
		log.info("Dosing of patient {} paused by {} adverse event {} (session {})", pause.patientId(), pause.grade(),
				pause.adverseEventId(), pause.sessionId());
	}

	/**
	 * Scheduling resumed a course: its state is stored (newest version wins) and the dosing pauses of the adverse
	 * events the resumption answers are lifted, whatever order the events came in.
	 */
	@Transactional
	public void courseResumed(CourseState state, Collection<UUID> answeredAdverseEvents) {
		appointments.courseChanged(state);
		var lifted = pauses.lift(answeredAdverseEvents, state.courseId(),
				state.changedAt() != null ? state.changedAt() : clock.instant());
		if (lifted > 0) {
			log.info("Course {} resumed: {} dosing pause(s) of patient {} lifted", state.courseId(), lifted,
					state.patientId());
		}
	}

	@Transactional(readOnly = true)
	public List<DosingPause> pausesInForce(UUID patientId) {
		return pauses.inForce(patientId);
	}

	/** Which of these patients may not be dosed because of a pausing adverse event not answered yet. */
	@Transactional(readOnly = true)
	public Set<UUID> dosingPaused(Collection<UUID> patientIds) {
		return pauses.paused(patientIds);
	}

	/**
	 * A clinician lets this appointment's infusion go ahead of earlier outstanding ones of its course, with a reason.
	 * Once given, an override is not changed.
	 */
	@Transactional
	public CourseOrderOverride overrideCourseOrder(UUID appointmentId, @Nullable String reason) {
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "Say why this infusion goes ahead of the earlier ones");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "A reason has at most " + MAX_REASON + " characters");
		}
		appointments.find(appointmentId).orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		var override = new CourseOrderOverride(appointmentId, why, CurrentUser.name(),
				clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!overrides.insert(override)) {
			var existing = overrides.of(appointmentId).orElseThrow();
			throw new ConflictException("The course order was already overridden for this appointment by "
					+ existing.overriddenBy() + ": " + existing.reason());
		}
		return override;
	}

	@Transactional(readOnly = true)
	public Optional<CourseOrderOverride> override(UUID appointmentId) {
		return overrides.of(appointmentId);
	}

	/** When this service's clock says it is (a test or training clock included). */
	public Instant now() {
		return clock.instant();
	}
}
