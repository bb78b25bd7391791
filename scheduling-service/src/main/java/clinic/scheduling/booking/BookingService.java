package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.security.CurrentUser;
import clinic.scheduling.SchedulingSettings;
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.calendar.SiteZone;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;
import clinic.scheduling.courses.CourseStatus;
import clinic.scheduling.planning.ClinicHours;
import clinic.scheduling.planning.Problem;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;

/**
 * Books a course's infusions into chairs: one, a whole course (as given, or the earliest that fits, under the site's
 * lock), or maintenance boosters, each checked against the clinic hours, closures, nurse capacity and the patient's
 * other appointments. What happens to an appointment after it is booked is {@link AppointmentLifecycle}'s.
 */
@Service
public class BookingService {

	/** The reason a rescheduled appointment is cancelled with. */
	public static final String RESCHEDULED = "rescheduled";

	/** The longest cancellation reason, in characters. */
	public static final int MAX_REASON = 500;

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
		int booked = bookedSoFar(course);
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
		var checked = checkCourse(course, occurrences, "nothing was booked");
		return insertCourse(course, checked.site(), checked.plan());
	}

	/** Books a course checked under the site's lock in this transaction: its appointments and their events. */
	private List<Appointment> insertCourse(Course course, SiteZone site, PlanningService.CheckedPlan checked) {
		var booked = insertAll(course, checked.check().plan().occurrences(), AppointmentKind.INFUSION, 1);
		var changed = courses.infusionBooked(course);
		booked.forEach(appointment -> events.publish(AppointmentBooked.of(appointment, changed, site)));
		events.publish(CoursePlanned.of(changed, booked, booked.get(0).bookedAt()));
		return booked;
	}

	/**
	 * Books the earliest whole course that fits at the wished site, proposed and booked in one transaction under the
	 * site's capacity lock: front desks booking at the same site at once are served one after the other, each the
	 * earliest course left, instead of all being proposed the same one and all but one refused (409) when they book
	 * it. Empty when no course fits within the planning horizon; nothing is booked then. The course is planned on the
	 * site's calendar kept in memory and checked on the database's appointments at its times, under the lock
	 * ({@link PlanningService#proposeUnderLock}), so it is booked as proposed, without reading the calendar again.
	 */
	@Transactional
	public Optional<List<Appointment>> bookEarliestCourse(UUID courseId, PlanningService.Wishes wishes) {
		if (wishes.siteId() == null) {
			throw new InvalidInputException("siteId", "Name the site to book the course at");
		}
		var course = courses.holdForBooking(courseId);
		requireBookable(course);
		var site = calendars.zoneOf(wishes.siteId());
		calendars.lockCapacity(site.siteId());
		return planning.proposeUnderLock(course, wishes).map(proposal -> {
			if (!proposal.check().ok()) {
				throw new IllegalStateException("The planner proposed a course that breaks a rule: "
						+ PlannedOccurrence.of(proposal));
			}
			return insertCourse(course, site, proposal);
		});
	}

	/**
	 * Checks a whole course as {@link #bookCourse} does, under the site's capacity lock held to the end of the
	 * caller's transaction, without booking it: for a FHIR client's $hold of a course, which books it later through
	 * {@link #bookCourse}. The 409 is the same.
	 */
	@Transactional
	public void checkCourse(UUID courseId, List<Booking> occurrences) {
		checkCourse(courses.holdForBooking(courseId), occurrences, "nothing was held");
	}

	private record CheckedCourse(SiteZone site, PlanningService.CheckedPlan plan) {
	}

	private CheckedCourse checkCourse(Course course, List<Booking> occurrences, String outcome) {
		requireBookable(course);
		var site = calendars.zoneOf(planning.siteOf(occurrences));
		calendars.lockCapacity(site.siteId());
		var checked = planning.check(course, occurrences);
		if (!checked.check().ok()) {
			var failing = checked.check().occurrences().stream().filter(o -> !o.ok()).toList();
			throw new ConflictException(failing.size() + " of the " + occurrences.size()
					+ " infusions do not fit; " + outcome, Map.of("occurrences", PlannedOccurrence.of(checked)));
		}
		return new CheckedCourse(site, checked);
	}

	/**
	 * Checks one infusion as {@link #book} does (the course open with an infusion left to book, the chair in service,
	 * ahead, inside the site's hours, not on a closure day, a nurse with a chair to spare), under the site's capacity
	 * lock held to the end of the caller's transaction, without booking it: for a FHIR client's $hold, which books it
	 * later through {@link #book}.
	 */
	@Transactional
	public void checkBooking(UUID courseId, Booking booking) {
		var course = courses.holdForBooking(courseId);
		requireBookable(course);
		slot(booking, course.patientId());
		bookedSoFar(course);
	}

	/**
	 * Refuses, as booking would, a course that takes no more infusions: one not open to bookings, or with all its
	 * planned infusions booked or given. What a search for one more infusion ($find) asks before proposing any.
	 */
	@Transactional(readOnly = true)
	public void requireRoomForInfusion(Course course) {
		requireBookable(course);
		bookedSoFar(course);
	}

	/** The course's infusions booked or given so far; a conflict when that is all it plans. */
	private int bookedSoFar(Course course) {
		int booked = appointments.countBooked(course.id());
		if (booked >= course.plannedInfusions()) {
			throw new ConflictException("All " + course.plannedInfusions() + " planned infusions of the course of "
					+ course.patientName() + " are booked");
		}
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
		BoosterService.requireBoostable(course, courses);
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

	/** A course takes bookings only while it is open: not paused, completed or cancelled. */
	private static void requireBookable(Course course) {
		if (course.status() == CourseStatus.CANCELLED) {
			throw new ConflictException("The course of " + course.patientName() + " was cancelled ("
					+ course.cancellationReason() + "); it takes no bookings");
		}
		if (course.status() == CourseStatus.PAUSED) {
			throw new ConflictException("The course of " + course.patientName() + " is paused (" + course.pauseReason()
					+ "); it takes no bookings until a clinician resumes it");
		}
		if (!course.status().isOpen()) {
			throw new ConflictException("The course of " + course.patientName() + " is " + course.status()
					+ "; only a course TO_PLAN or ACTIVE takes bookings");
		}
	}

	/** A checked booking's chair and time, and its site. */
	record Slot(Chair chair, Instant start, Instant end, SiteZone site) {
	}

	/**
	 * The chair and time of a booking, checked: a known chair in service, in the future, inside the site's hours, not
	 * on a closure day (both on the site's own clock), and a nurse on shift for the whole slot with a chair to spare. Nurse capacity is checked under
	 * the site's capacity lock, held to the end of the booking transaction, so that two bookings cannot both take
	 * the last place; the chair and the patient are guarded by the database's exclusion constraints.
	 */
	Slot slot(Booking booking, UUID patientId) {
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

	/** Says in words what the slot collided with, and when that is on the clock of the other appointment's site. */
	String explain(AppointmentCollision collision, Appointment wanted) {
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
			case CONSULTATION -> "The patient has a consultation booked at that time; choose another time";
			case BOOKING_IN_PROGRESS -> wanted.chairName()
					+ " or the patient is being booked for an overlapping time by someone else; choose another time";
			case HELD_CHAIR -> wanted.chairName() + " is held for another booking at an overlapping time (a hold "
					+ "lapses after a few minutes unless it is booked); choose another time";
			case HELD_PATIENT -> "The patient's time is held for another booking at an overlapping time (a hold "
					+ "lapses after a few minutes unless it is booked); choose another time";
		};
	}

	/** When the appointment is, on the clock of its chair's site. */
	private String describe(Appointment appointment) {
		return ClinicHours.describe(appointment.start(), appointment.end(),
				calendars.zoneOfChair(appointment.chairId()).zone());
	}
}
