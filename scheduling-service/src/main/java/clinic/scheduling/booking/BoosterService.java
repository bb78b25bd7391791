package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;

/**
 * Maintenance boosters after a completed induction course: a clinician sets the interval for the patient, the front
 * desk has boosters proposed at that interval after the course's last appointment and books them
 * ({@link BookingService#bookBoosters}).
 */
@Service
public class BoosterService {

	/** The longest interval accepted, a year: longer is a new course, not a booster. */
	public static final int MAX_INTERVAL_DAYS = 365;

	/** The most boosters proposed at once. */
	public static final int MAX_COUNT = 12;

	private final BoosterIntervals intervals;

	private final CourseService courses;

	private final Appointments appointments;

	private final PlanningService planning;

	private final Clock clock;

	BoosterService(BoosterIntervals intervals, CourseService courses, Appointments appointments,
			PlanningService planning, Clock clock) {
		this.intervals = intervals;
		this.courses = courses;
		this.appointments = appointments;
		this.planning = planning;
		this.clock = clock;
	}

	@Transactional
	public BoosterInterval setInterval(UUID courseId, int days, @Nullable String reason) {
		if (days < 1 || days > MAX_INTERVAL_DAYS) {
			throw new InvalidInputException("days", "A booster interval is 1 to " + MAX_INTERVAL_DAYS + " days");
		}
		var course = courses.get(courseId);
		var why = reason == null || reason.isBlank() ? null : reason.strip();
		if (why != null && why.length() > BookingService.MAX_REASON) {
			throw new InvalidInputException("reason", "A reason has at most " + BookingService.MAX_REASON + " characters");
		}
		var interval = new BoosterInterval(course.id(), days, why, CurrentUser.name(), clock.instant());
		intervals.set(interval);
		return interval;
	}

	@Transactional(readOnly = true)
	public BoosterInterval interval(UUID courseId) {
		courses.get(courseId);
		return intervals.of(courseId).orElseThrow(() -> new NotFoundException("Booster interval of course", courseId));
	}

	/**
	 * {@code count} boosters at the clinician's interval after the course's last appointment, each the earliest
	 * slot on or after its target date that meets the wishes.
	 */
	@Transactional(readOnly = true)
	public PlanningService.BoosterProposal propose(UUID courseId, int count, PlanningService.Wishes wishes) {
		if (count < 1 || count > MAX_COUNT) {
			throw new InvalidInputException("count", "Propose 1 to " + MAX_COUNT + " boosters");
		}
		var course = courses.get(courseId);
		requireBoostable(course, courses);
		var interval = intervals.of(courseId)
			.orElseThrow(() -> new ConflictException("No booster interval is set for the course of "
					+ course.patientName() + "; a clinician sets it first"));
		var after = appointments.ofCourses(List.of(courseId))
			.stream()
			.filter(a -> a.status() != AppointmentStatus.CANCELLED)
			.map(Appointment::end)
			.max(Comparator.naturalOrder())
			.orElse(clock.instant());
		return planning.proposeBoosters(course, after, Period.ofDays(interval.days()), count, wishes);
	}

	/**
	 * Boosters follow a COMPLETED induction course (not a paused one), and only while the patient's latest eligibility
	 * decision has not declined them.
	 */
	static void requireBoostable(Course course, CourseService courses) {
		if (course.status() != CourseStatus.COMPLETED) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; boosters follow a COMPLETED induction course");
		}
		if (courses.isDeclined(course.patientId())) {
			throw new ConflictException("The latest eligibility decision declined " + course.patientName()
					+ "; no boosters are booked unless a clinician clears them again");
		}
	}
}
