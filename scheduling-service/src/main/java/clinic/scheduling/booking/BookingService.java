package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.calendar.SiteZone;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;
import clinic.scheduling.planning.Problem;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;
import clinic.scheduling.resources.ClinicHours;

/**
 * Books a course's infusions into chairs, takes them through their lifecycle (arrival, check-in, cancellation,
 * no-show, reschedule; each change kept in the history) and marks them fulfilled when the session was completed.
 */
@Service
public class BookingService {

	private static final Logger log = LoggerFactory.getLogger(BookingService.class);

	/** The reason a rescheduled appointment is cancelled with. */
	public static final String RESCHEDULED = "rescheduled";

	/** Who fulfils an appointment: session-service, by reporting its session completed. */
	static final String SESSION_SERVICE = "session-service";

	static final int MAX_REASON = 500;

	private final CourseService courses;

	private final Chairs chairs;

	private final Appointments appointments;

	private final SchedulingSettings settings;

	private final ClinicEvents events;

	private final Clock clock;

	private final CalendarService calendars;

	private final PlanningService planning;

	BookingService(CourseService courses, Chairs chairs, Appointments appointments, SchedulingSettings settings,
			ClinicEvents events, Clock clock, CalendarService calendars, PlanningService planning) {
		this.courses = courses;
		this.chairs = chairs;
		this.appointments = appointments;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.calendars = calendars;
		this.planning = planning;
	}

	/** One infusion into a chair, starting at {@code start}; it holds the chair for the clinic's chair time. */
	public record Booking(UUID chairId, Instant start) {
	}

	@Transactional
	public Appointment book(UUID courseId, Booking booking) {
		var course = courses.holdForBooking(courseId);
		requireBookable(course);
		var slot = slot(booking, course.patientId());
		int booked = appointments.countBooked(courseId);
		if (booked >= course.plannedInfusions()) {
			throw new ConflictException("All " + course.plannedInfusions() + " planned infusions of the course of "
					+ course.patientName() + " are booked");
		}
		var appointment = Appointment.infusion(course, slot.chair(), booked + 1, slot.start(), slot.end(),
				CurrentUser.name(), clock.instant());
		try {
			appointments.insert(appointment);
		}
		catch (AppointmentCollision collision) {
			throw new ConflictException(explain(collision, appointment));
		}
		appointments.recordChange(new StatusChange(appointment.id(), null, AppointmentStatus.BOOKED, null,
				appointment.bookedBy(), appointment.bookedAt()));
		var changed = courses.infusionBooked(course);
		events.publish(AppointmentBooked.of(appointment, changed, slot.site()));
		return appointment;
	}

	/**
	 * Books every infusion of the course, or none: each occurrence is checked against the clinic hours and closures,
	 * the chairs, nurse capacity, the patient's other appointments and the course rules, under the site's capacity
	 * lock, before the first is written. When one does not fit, nothing is booked and the 409 lists, per occurrence,
	 * what it breaks ({@code occurrences}).
	 */
	@Transactional
	public List<Appointment> bookCourse(UUID courseId, List<Booking> occurrences) {
		var course = courses.holdForBooking(courseId);
		requireBookable(course);
		var site = calendars.zoneOf(planning.siteOf(occurrences));
		calendars.lockCapacity(site.siteId());
		var checked = planning.check(course, occurrences);
		if (!checked.check().ok()) {
			var failing = checked.check().occurrences().stream().filter(o -> !o.ok()).toList();
			throw new ConflictException(failing.size() + " of the " + occurrences.size()
					+ " infusions do not fit; nothing was booked",
					Map.of("occurrences", PlannedOccurrence.of(checked)));
		}
		var booked = insertAll(course, checked.check().plan().occurrences(), AppointmentKind.INFUSION, 1);
		var changed = courses.infusionBooked(course);
		booked.forEach(appointment -> events.publish(AppointmentBooked.of(appointment, changed, site)));
		events.publish(CoursePlanned.of(changed, booked, booked.get(0).bookedAt()));
		return booked;
	}

	/**
	 * Books maintenance boosters for a course whose induction is complete, all or nothing: each is checked against
	 * the clinic hours and closures, the chair, nurse capacity, the patient's other appointments and the other
	 * boosters, under the site's capacity lock. Boosters are numbered on from the course's infusions.
	 */
	@Transactional
	public List<Appointment> bookBoosters(UUID courseId, List<Booking> occurrences) {
		var course = courses.holdForBooking(courseId);
		if (course.status() != CourseStatus.COMPLETED) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; boosters follow a COMPLETED induction course");
		}
		var site = calendars.zoneOf(planning.siteOf(occurrences));
		calendars.lockCapacity(site.siteId());
		var checked = planning.checkBoosters(course, occurrences);
		if (!checked.check().ok()) {
			var failing = checked.check().occurrences().stream().filter(o -> !o.ok()).count();
			throw new ConflictException(failing + " of the " + occurrences.size()
					+ " boosters do not fit; nothing was booked", Map.of("occurrences", PlannedOccurrence.of(checked)));
		}
		int numbered = appointments.ofCourses(List.of(courseId))
			.stream()
			.mapToInt(Appointment::sequence)
			.max()
			.orElse(course.plannedInfusions());
		var booked = insertAll(course, checked.check().plan().occurrences(), AppointmentKind.BOOSTER,
				Math.max(numbered, course.plannedInfusions()) + 1);
		var changed = courses.appointmentChanged(course);
		booked.forEach(appointment -> events.publish(AppointmentBooked.of(appointment, changed, site)));
		return booked;
	}

	/** Inserts checked slots as booked appointments numbered from {@code firstSequence}; any collision undoes all. */
	private List<Appointment> insertAll(Course course, List<clinic.scheduling.planning.Slot> slots,
			AppointmentKind kind, int firstSequence) {
		var by = CurrentUser.name();
		var now = clock.instant();
		var booked = new ArrayList<Appointment>();
		for (int i = 0; i < slots.size(); i++) {
			var slot = slots.get(i);
			var chair = chairs.find(slot.chairId()).orElseThrow();
			var appointment = Appointment.booked(course, chair, kind, firstSequence + i, slot.start(), slot.end(), by,
					now);
			try {
				appointments.insert(appointment);
			}
			catch (AppointmentCollision collision) {
				throw new ConflictException("Occurrence " + (i + 1) + ": " + explain(collision, appointment)
						+ "; nothing was booked");
			}
			appointments.recordChange(new StatusChange(appointment.id(), null, AppointmentStatus.BOOKED, null, by, now));
			booked.add(appointment);
		}
		return booked;
	}

	/** A course takes bookings only while it is open and not paused. */
	private static void requireBookable(Course course) {
		if (course.status() == CourseStatus.PAUSED) {
			throw new ConflictException("The course of " + course.patientName() + " is paused (" + course.pauseReason()
					+ "); it takes no bookings until a clinician resumes it");
		}
		if (!course.status().isOpen()) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; only a course TO_PLAN or ACTIVE takes bookings");
		}
	}

	/**
	 * The session of the appointment was completed: the appointment is fulfilled and the course counts its
	 * fulfilled appointments. Repeats change nothing.
	 */
	@Transactional
	public void sessionCompleted(UUID appointmentId, UUID patientId, Instant completedAt) {
		var appointment = appointments.find(appointmentId)
			.filter(a -> a.patientId().equals(patientId))
			.orElseThrow(() -> new NotFoundException("Appointment of patient " + patientId, appointmentId));
		if (appointment.status() == AppointmentStatus.FULFILLED) {
			return;
		}
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			log.warn("A session was completed for cancelled appointment {}; the appointment stays cancelled",
					appointmentId);
			return;
		}
		appointments.fulfil(appointmentId, completedAt);
		appointments.recordChange(new StatusChange(appointmentId, appointment.status(), AppointmentStatus.FULFILLED,
				null, SESSION_SERVICE, completedAt));
		var progress = courses.infusionsGiven(appointment.courseId(), appointments.countFulfilled(appointment.courseId()));
		if (progress.completedNow()) {
			events.publish(CourseCompleted.of(progress.course(), completedAt));
		}
	}

	@Transactional(readOnly = true)
	public Appointment appointment(UUID appointmentId) {
		return appointments.find(appointmentId).orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
	}

	/** The appointment with its cancellation reason, the appointment it replaced and its status history. */
	@Transactional(readOnly = true)
	public AppointmentDetail detail(UUID appointmentId) {
		return appointments.detail(appointmentId).orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
	}

	/** The patient has arrived at the clinic (booked → arrived). */
	@Transactional
	public AppointmentDetail arrive(UUID appointmentId) {
		change(hold(appointmentId), AppointmentTransition.ARRIVE, null);
		return detail(appointmentId);
	}

	/** The patient is checked in (arrived → checked-in). */
	@Transactional
	public AppointmentDetail checkIn(UUID appointmentId) {
		change(hold(appointmentId), AppointmentTransition.CHECK_IN, null);
		return detail(appointmentId);
	}

	/** The appointment is cancelled with a reason (booked or arrived → cancelled); its chair time is free again. */
	@Transactional
	public AppointmentDetail cancel(UUID appointmentId, @Nullable String reason) {
		var why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "A cancellation needs a reason");
		}
		if (why.length() > MAX_REASON) {
			throw new InvalidInputException("reason", "A reason has at most " + MAX_REASON + " characters");
		}
		var held = hold(appointmentId);
		var course = change(held, AppointmentTransition.CANCEL, why);
		events.publish(AppointmentCancelled.of(held.appointment(), course, why, clock.instant()));
		return detail(appointmentId);
	}

	/** The patient did not come (booked → noshow). */
	@Transactional
	public AppointmentDetail noShow(UUID appointmentId) {
		var held = hold(appointmentId);
		var course = change(held, AppointmentTransition.NO_SHOW, null);
		events.publish(AppointmentNoShow.of(held.appointment(), course, clock.instant()));
		return detail(appointmentId);
	}

	/**
	 * Moves a booked appointment to another chair or time: it is cancelled with reason "rescheduled" and a new
	 * booked appointment, linked to it, takes its place under the same checks as a booking. When the new slot
	 * collides nothing changes and the original stays booked. Returns the new appointment.
	 */
	@Transactional
	public AppointmentDetail reschedule(UUID appointmentId, Booking booking) {
		var held = hold(appointmentId);
		var old = held.appointment();
		AppointmentTransition.RESCHEDULE.from(old.status());
		var by = CurrentUser.name();
		var now = clock.instant();
		// the old appointment frees its time first, so that the patient may move within it
		change(held, AppointmentTransition.RESCHEDULE, RESCHEDULED, by, now);
		var slot = slot(booking, old.patientId());
		var replacement = old.movedTo(slot.chair(), slot.start(), slot.end(), by, now);
		try {
			appointments.insert(replacement);
		}
		catch (AppointmentCollision collision) {
			throw new ConflictException(explain(collision, replacement));
		}
		appointments.linkRescheduled(replacement.id(), old.id());
		appointments.recordChange(
				new StatusChange(replacement.id(), null, AppointmentStatus.BOOKED, RESCHEDULED, by, now));
		var course = courses.appointmentChanged(held.course());
		events.publish(AppointmentRescheduled.of(old, replacement, course, slot.site()));
		return detail(replacement.id());
	}

	private record Held(Appointment appointment, Course course) {
	}

	/** The appointment, read again after its course is held, so that changes to one course queue up. */
	private Held hold(UUID appointmentId) {
		var found = appointments.find(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		var course = courses.holdForBooking(found.courseId());
		var appointment = appointments.find(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		return new Held(appointment, course);
	}

	/** Applies the transition, keeps it in the history and returns the course at its new version. */
	private Course change(Held held, AppointmentTransition transition, @Nullable String reason) {
		var course = change(held, transition, reason, CurrentUser.name(), clock.instant());
		return courses.appointmentChanged(course);
	}

	private Course change(Held held, AppointmentTransition transition, @Nullable String reason, String by,
			Instant at) {
		var appointment = held.appointment();
		var to = transition.from(appointment.status());
		if (appointment.onHold() && transition != AppointmentTransition.CANCEL) {
			throw new ConflictException("The appointment is on hold while its course is paused; it can only be "
					+ "cancelled until a clinician resumes the course");
		}
		appointments.changeStatus(appointment.id(), to, reason);
		appointments.recordChange(new StatusChange(appointment.id(), appointment.status(), to, reason, by, at));
		return held.course();
	}

	private record Slot(Chair chair, Instant start, Instant end, SiteZone site) {
	}

	/**
	 * The chair and time of a booking, checked: a known chair in service, in the future, inside the site's hours, not
	 * on a closure day (both on the site's own clock), and a nurse on shift for the whole slot with a chair to spare. Nurse capacity is checked under
	 * the site's capacity lock, held to the end of the booking transaction, so that two bookings cannot both take
	 * the last place; the chair and the patient are guarded by the database's exclusion constraints.
	 */
	private Slot slot(Booking booking, UUID patientId) {
		var chair = chairs.find(booking.chairId())
			.orElseThrow(() -> new InvalidInputException("chairId", "There is no chair " + booking.chairId()));
		if (!chair.active()) {
			throw new InvalidInputException("chairId", chair.name() + " is out of service; choose another chair");
		}
		var start = booking.start().truncatedTo(ChronoUnit.MICROS);
		if (!start.isAfter(clock.instant())) {
			throw new InvalidInputException("start", "An infusion can only be booked in the future");
		}
		var end = start.plus(settings.chairTime().total());
		calendars.lockCapacity(chair.siteId());
		var site = calendars.zoneOf(chair.siteId());
		var day = start.atZone(site.zone()).toLocalDate();
		var calendar = calendars.load(new CalendarService.Request(chair.siteId(), day, day, patientId, null));
		var siteHours = calendar.hours();
		if (!siteHours.covers(start, end)) {
			throw new InvalidInputException("start", siteHours.describe(start, end) + " is outside clinic hours "
					+ siteHours + " (an infusion holds the chair " + settings.chairTime().total().toMinutes() + " min)");
		}
		if (calendar.closures().containsKey(day)) {
			throw new ConflictException(calendar.siteName() + " is closed on " + day + " (" + calendar.closures().get(day)
					+ ")");
		}
		calendars.finder(calendar, settings.chairTime().total())
			.check(patientId, new clinic.scheduling.planning.Slot(chair.id(), start, end))
			.stream()
			.filter(problem -> problem.rule() == Problem.Rule.NO_NURSE_CAPACITY)
			.findFirst()
			.ifPresent(problem -> {
				throw new ConflictException(problem.message() + ": every nurse on shift then already watches as many "
						+ "chairs as they may");
			});
		return new Slot(chair, start, end, site);
	}

	@Transactional(readOnly = true)
	public List<Appointment> ofCourse(UUID courseId) {
		return appointments.ofCourses(List.of(courseId));
	}

	/** Appointments per course, for listing many courses at once. */
	@Transactional(readOnly = true)
	public Map<UUID, List<Appointment>> ofCourses(Collection<UUID> courseIds) {
		if (courseIds.isEmpty()) {
			return Map.of();
		}
		return appointments.ofCourses(courseIds).stream().collect(Collectors.groupingBy(Appointment::courseId));
	}

	/** Says in words what the slot collided with, and when that is on the clock of the other appointment's site. */
	private String explain(AppointmentCollision collision, Appointment wanted) {
		return switch (collision.with()) {
			case CHAIR -> appointments.overlappingInChair(wanted.chairId(), wanted.start(), wanted.end())
				.stream()
				.findFirst()
				.map(other -> wanted.chairName() + " is already booked " + describe(other))
				.orElse(wanted.chairName() + " is being booked for an overlapping time by someone else; choose another time");
			case PATIENT -> appointments.overlappingOfPatient(wanted.patientId(), wanted.start(), wanted.end())
				.stream()
				.findFirst()
				.map(other -> "The patient already has an appointment then: " + other.chairName() + " "
						+ describe(other))
				.orElse("The patient is being booked for an overlapping time by someone else; reload and try again");
			case BOOKING_IN_PROGRESS -> wanted.chairName()
					+ " or the patient is being booked for an overlapping time by someone else; choose another time";
		};
	}

	/** When the appointment is, on the clock of its chair's site. */
	private String describe(Appointment appointment) {
		return ClinicHours.describe(appointment.start(), appointment.end(),
				calendars.zoneOfChair(appointment.chairId()).zone());
	}
}
