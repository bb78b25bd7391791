package clinic.scheduling.booking;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
import clinic.scheduling.calendar.CalendarService;
import clinic.scheduling.courses.Course;
import clinic.scheduling.courses.CourseService;

/**
 * A booked appointment's lifecycle: the front desk's arrival, check-in, cancellation, no-show and reschedule, the
 * session record's news from session-service (the patient at the chair, checked in, the session completed: the
 * appointment fulfilled and the course's progress counted), the no-show sweep's and the clinic's own cancellations.
 * Each change is made with the appointment's course held, so that changes to one course queue up, and is kept in the
 * appointment's history. Booking itself is {@link BookingService}'s.
 */
@Service
public class AppointmentLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AppointmentLifecycle.class);

	/** Who records arrival, check-in and fulfilment from the session record: session-service, through its events. */
	static final String SESSION_SERVICE = "session-service";

	/** Why a cancelled appointment is booked again: its session record was opened before the cancellation was heard. */
	static final String TAKEN_BACK = "The nurse had opened its session record: the patient is at the chair";

	/** Who records what the clinic's own rules decide, such as a no-show after the day is over. */
	static final String SCHEDULING_SERVICE = "scheduling-service";

	private final CourseService courses;

	private final Appointments appointments;

	private final BookingService bookings;

	private final ClinicEvents events;

	private final Clock clock;

	private final CalendarService calendars;

	private final ApplicationEventPublisher internalEvents;

	AppointmentLifecycle(CourseService courses, Appointments appointments, BookingService bookings,
			ClinicEvents events, Clock clock, CalendarService calendars, ApplicationEventPublisher internalEvents) {
		this.courses = courses;
		this.appointments = appointments;
		this.bookings = bookings;
		this.events = events;
		this.clock = clock;
		this.calendars = calendars;
		this.internalEvents = internalEvents;
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
		if (BookingService.RESCHEDULED.equals(detail.cancellationReason()) || !held.course().status().isOpen()
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

	/** The patient has arrived at the clinic (booked → arrived), on the appointment's day at its site. */
	@Transactional
	public AppointmentDetail arrive(UUID appointmentId) {
		var held = hold(appointmentId);
		AppointmentTransition.ARRIVE.from(held.appointment().status());
		requireNotOnHold(held, AppointmentTransition.ARRIVE);
		requireItsDay(held.appointment(), "an arrival");
		change(held, AppointmentTransition.ARRIVE, null);
		return detail(appointmentId);
	}

	/** The patient is checked in (arrived → checked-in), on the appointment's day at its site. */
	@Transactional
	public AppointmentDetail checkIn(UUID appointmentId) {
		var held = hold(appointmentId);
		AppointmentTransition.CHECK_IN.from(held.appointment().status());
		requireNotOnHold(held, AppointmentTransition.CHECK_IN);
		requireItsDay(held.appointment(), "a check-in");
		change(held, AppointmentTransition.CHECK_IN, null);
		return detail(appointmentId);
	}

	/**
	 * The front desk records the patient at the clinic on the appointment's day only, on its site's clock (as the
	 * nurse opens its session record only then): a click on next week's booking is refused (409), not taken as an
	 * arrival that would let the session be charted days early.
	 */
	private void requireItsDay(Appointment appointment, String what) {
		if (!isItsDay(appointment)) {
			var zone = calendars.zoneOfChair(appointment.chairId()).zone();
			throw new ConflictException("The infusion is on " + appointment.start().atZone(zone).toLocalDate() + " ("
					+ zone.getId() + "); " + what + " is recorded on its day");
		}
	}

	/** Whether today, on the appointment's site's clock, is its day: the front desk may record arrival and check-in. */
	@Transactional(readOnly = true)
	public boolean isItsDay(Appointment appointment) {
		var zone = calendars.zoneOfChair(appointment.chairId()).zone();
		return appointment.start().atZone(zone).toLocalDate().equals(clock.instant().atZone(zone).toLocalDate());
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
		if (why.length() > BookingService.MAX_REASON) {
			throw new InvalidInputException("reason",
					"A reason has at most " + BookingService.MAX_REASON + " characters");
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
	public AppointmentDetail reschedule(UUID appointmentId, BookingService.Booking booking) {
		var held = hold(appointmentId);
		var old = held.appointment();
		AppointmentTransition.RESCHEDULE.from(old.status());
		var by = CurrentUser.name();
		var now = clock.instant();
		// the old appointment frees its time first, so that the patient may move within it
		change(held, AppointmentTransition.RESCHEDULE, BookingService.RESCHEDULED, by, now);
		var slot = bookings.slot(booking, old.patientId());
		var replacement = old.movedTo(slot.chair(), slot.start(), slot.end(), by, now);
		try {
			appointments.insert(replacement);
		}
		catch (AppointmentCollision collision) {
			throw new ConflictException(bookings.explain(collision, replacement));
		}
		appointments.linkRescheduled(replacement.id(), old.id());
		appointments.recordChange(
				new StatusChange(replacement.id(), null, AppointmentStatus.BOOKED, BookingService.RESCHEDULED, by,
						now));
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
}
