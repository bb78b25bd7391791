package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
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
import clinic.scheduling.planning.ClinicHours;
import clinic.scheduling.planning.Problem;
import clinic.scheduling.resources.Chair;
import clinic.scheduling.resources.Chairs;

/**
 * Books a course's infusions into chairs, takes them through their lifecycle (arrival, check-in, cancellation,
 * no-show, reschedule; each change kept in the history) and marks them fulfilled when the session was completed.
 */
@Service
public class BookingService {

	private static final Logger log = LoggerFactory.getLogger(BookingService.class);

	/** The reason a rescheduled appointment is cancelled with. */
	public static final String RESCHEDULED = "rescheduled";

	/** Who records arrival, check-in and fulfilment from the session record: session-service, through its events. */
	static final String SESSION_SERVICE = "session-service";

	/** Why a cancelled appointment is booked again: its session record was opened before the cancellation was heard. */
	static final String TAKEN_BACK = "The nurse had opened its session record: the patient is at the chair";

	/** Who records what the clinic's own rules decide, such as a no-show after the day is over. */
	static final String SCHEDULING_SERVICE = "scheduling-service";

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

	private final ApplicationEventPublisher internalEvents;

	BookingService(CourseService courses, Chairs chairs, Appointments appointments, SchedulingSettings settings,
			ClinicEvents events, Clock clock, CalendarService calendars, PlanningService planning,
			ApplicationEventPublisher internalEvents) {
		this.courses = courses;
		this.chairs = chairs;
		this.appointments = appointments;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.calendars = calendars;
		this.planning = planning;
		this.internalEvents = internalEvents;
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

	/**
	 * The nurse opened the session record: the patient is at the chair (booked → arrived, recorded by
	 * session-service). An appointment already further on stays as it is, so repeats and late events change nothing.
	 */
	@Transactional
	public void sessionStarted(UUID appointmentId, UUID patientId, Instant at) {
		var held = reinstatedIfCancelledMeanwhile(holdOfPatient(appointmentId, patientId), at);
		var status = held.appointment().status();
		if (status != AppointmentStatus.BOOKED) {
			logUnexpected(status, "A session was started", appointmentId);
			return;
		}
		courses.appointmentChanged(record(held, AppointmentTransition.ARRIVE, null, SESSION_SERVICE, at));
	}

	/**
	 * The nurse checked the patient in on the session record (booked or arrived → checked-in, recorded by
	 * session-service; from booked both steps are kept in the history). Repeats and late events change nothing.
	 */
	@Transactional
	public void checkedIn(UUID appointmentId, UUID patientId, Instant at) {
		var held = reinstatedIfCancelledMeanwhile(holdOfPatient(appointmentId, patientId), at);
		var status = held.appointment().status();
		if (status == AppointmentStatus.BOOKED) {
			var course = record(held, AppointmentTransition.ARRIVE, null, SESSION_SERVICE, at);
			held = new Held(appointments.find(appointmentId).orElseThrow(), course);
			status = held.appointment().status();
		}
		if (status != AppointmentStatus.ARRIVED) {
			logUnexpected(status, "The patient was checked in", appointmentId);
			return;
		}
		courses.appointmentChanged(record(held, AppointmentTransition.CHECK_IN, null, SESSION_SERVICE, at));
	}

	/**
	 * The front desk cancelled the appointment while the nurse was opening its record, before scheduling heard of it
	 * (the one window {@link #requireNoSessionOpened} cannot close): session keeps the record, since the patient is at
	 * the chair, so scheduling takes the appointment back, as arrived, as long as its chair and the patient's time
	 * are still free and its course still takes infusions. Otherwise it stays cancelled, and an error in the log names
	 * it for the staff to sort out. A moved appointment is not taken back (its replacement stands in for it).
	 */
	private Held reinstatedIfCancelledMeanwhile(Held held, Instant at) {
		var appointment = held.appointment();
		if (appointment.status() != AppointmentStatus.CANCELLED) {
			return held;
		}
		var detail = appointments.detail(appointment.id()).orElseThrow();
		if (RESCHEDULED.equals(detail.cancellationReason()) || !held.course().status().isOpen()
				|| !appointments.overlappingInChair(appointment.chairId(), appointment.start(), appointment.end()).isEmpty()
				|| !appointments.overlappingOfPatient(appointment.patientId(), appointment.start(), appointment.end())
					.isEmpty()) {
			log.error("The nurse opened the session record of appointment {}, which is cancelled ({}) and cannot be "
					+ "taken back: its chair or time was given away, it was moved, or its course is {}; the record "
					+ "stays in session-service", appointment.id(), detail.cancellationReason(), held.course().status());
			return held;
		}
		appointments.changeStatus(appointment.id(), AppointmentStatus.BOOKED, null);
		appointments.recordChange(new StatusChange(appointment.id(), AppointmentStatus.CANCELLED,
				AppointmentStatus.BOOKED, TAKEN_BACK, SESSION_SERVICE, at));
		log.warn("Appointment {} was cancelled while the nurse opened its session record; taken back", appointment.id());
		internalEvents.publishEvent(new AppointmentTakenBack(appointment.id()));
		return new Held(appointments.find(appointment.id()).orElseThrow(), held.course());
	}

	/** See {@link #sessionCompleted(UUID, UUID, Instant, Instant)}, dosed when it was completed. */
	@Transactional
	public void sessionCompleted(UUID appointmentId, UUID patientId, Instant completedAt) {
		sessionCompleted(appointmentId, patientId, completedAt, null);
	}

	/**
	 * The session of the appointment was completed: the appointment is fulfilled and the course counts its
	 * fulfilled appointments, when the dose was given ({@code dosedAt}, else {@code completedAt}) on the
	 * appointment's day in its site's time zone. A session dosed on another day does not fulfil the appointment
	 * (nor count towards the course): the appointment stays as it is and a warning names it. Repeats change nothing.
	 */
	@Transactional
	public void sessionCompleted(UUID appointmentId, UUID patientId, Instant completedAt, @Nullable Instant dosedAt) {
		// held like every change to the course's appointments, so that the no-show sweep and this queue up
		var appointment = holdOfPatient(appointmentId, patientId).appointment();
		if (appointment.status() == AppointmentStatus.FULFILLED) {
			return;
		}
		if (appointment.status() == AppointmentStatus.CANCELLED) {
			log.warn("A session was completed for cancelled appointment {}; the appointment stays cancelled",
					appointmentId);
			return;
		}
		var zone = calendars.zoneOfChair(appointment.chairId()).zone();
		var day = appointment.start().atZone(zone).toLocalDate();
		var dosed = dosedAt != null ? dosedAt : completedAt;
		if (!dosed.atZone(zone).toLocalDate().equals(day)) {
			log.warn("The session of appointment {} (course {}) was dosed on {} at {}, not on the appointment's day {} "
					+ "({}); the appointment stays {} and does not count towards the course", appointmentId,
					appointment.courseId(), dosed.atZone(zone).toLocalDate(), dosed, day, zone,
					appointment.status().code());
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

	/**
	 * The patient did not come and the appointment's day is over (see {@link NoShowSweep}): booked → noshow, recorded
	 * by scheduling-service and published as the front desk's no-show is. An appointment no longer booked (the
	 * patient came, or it was cancelled meanwhile) or on hold (its course is paused: nobody expected the patient)
	 * stays as it is. Returns whether it was marked.
	 */
	@Transactional
	public boolean noShowAfterItsDay(UUID appointmentId) {
		var held = hold(appointmentId);
		var appointment = held.appointment();
		if (appointment.status() != AppointmentStatus.BOOKED || appointment.onHold()) {
			return false;
		}
		noShow(held, SCHEDULING_SERVICE, clock.instant());
		return true;
	}

	private static void logUnexpected(AppointmentStatus status, String what, UUID appointmentId) {
		if (status == AppointmentStatus.CANCELLED || status == AppointmentStatus.NOSHOW) {
			log.warn("{} for appointment {}, which is {}; it stays {}", what, appointmentId, status.code(), status.code());
		}
		else {
			log.info("{} for appointment {}, which is {} already; nothing changes", what, appointmentId, status.code());
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

	/**
	 * The appointment is cancelled with a reason (booked or arrived → cancelled); its chair time is free again. Not
	 * once its session record is open (409).
	 */
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
		requireNoSessionOpened(held);
		var course = change(held, AppointmentTransition.CANCEL, why);
		events.publish(AppointmentCancelled.of(held.appointment(), course, why, clock.instant()));
		return detail(appointmentId);
	}

	/** The patient did not come (booked → noshow). */
	@Transactional
	public AppointmentDetail noShow(UUID appointmentId) {
		var held = hold(appointmentId);
		AppointmentTransition.NO_SHOW.from(held.appointment().status());
		requireNotOnHold(held, AppointmentTransition.NO_SHOW);
		noShow(held, CurrentUser.name(), clock.instant());
		return detail(appointmentId);
	}

	/** Booked → noshow, kept in the history and published; the front desk's and the sweep's one way. */
	private void noShow(Held held, String by, Instant at) {
		var course = courses.appointmentChanged(record(held, AppointmentTransition.NO_SHOW, null, by, at));
		events.publish(AppointmentNoShow.of(held.appointment(), course, at));
	}

	/**
	 * Cancels a booked appointment on the clinic's behalf ({@code by} names the service whose news it acts on): kept
	 * in the history and published as appointment-cancelled, so its freed slot is offered to the waitlist as any
	 * cancellation's is. {@code course} is the appointment's course as held by the caller; returns it at its new
	 * version.
	 */
	Course cancelFor(Appointment appointment, Course course, String reason, String by, Instant at) {
		var changed = courses.appointmentChanged(record(new Held(appointment, course), AppointmentTransition.CANCEL,
				reason, by, at));
		events.publish(AppointmentCancelled.of(appointment, changed, reason, at));
		return changed;
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

	/** The patient's appointment, held as {@link #hold(UUID)} holds it; 404 when it is not the patient's. */
	private Held holdOfPatient(UUID appointmentId, UUID patientId) {
		var held = hold(appointmentId);
		if (!held.appointment().patientId().equals(patientId)) {
			throw new NotFoundException("Appointment of patient " + patientId, appointmentId);
		}
		return held;
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
		transition.from(held.appointment().status());
		requireNotOnHold(held, transition);
		return record(held, transition, reason, by, at);
	}

	/**
	 * Once the nurse has opened the appointment's session record (session-service told so), the patient is at the
	 * chair and the record is the clinical truth: the front desk can no longer cancel it, or the chair would be
	 * offered to someone else while session goes on charting (and perhaps dosing) a cancelled infusion. Moving and
	 * marking no-show already start only from booked.
	 */
	private void requireNoSessionOpened(Held held) {
		if (appointments.hasArrivalBy(held.appointment().id(), SESSION_SERVICE)) {
			throw new ConflictException("The nurse has opened the session record of this infusion: the patient is at "
					+ "the chair, so the appointment can no longer be cancelled");
		}
	}

	/** While its course is paused, an appointment the front desk holds can only be cancelled. */
	private static void requireNotOnHold(Held held, AppointmentTransition transition) {
		if (held.appointment().onHold() && transition != AppointmentTransition.CANCEL) {
			throw new ConflictException("The appointment is on hold while its course is paused; it can only be "
					+ "cancelled until a clinician resumes the course");
		}
	}

	/** Makes the transition (409 when it does not start from the current status) and keeps it in the history. */
	private Course record(Held held, AppointmentTransition transition, @Nullable String reason, String by,
			Instant at) {
		var appointment = held.appointment();
		var to = transition.from(appointment.status());
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
