package clinic.intake.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows scheduling's appointments and courses and keeps the reminders in step: an infusion or booster booked for
 * a course that may be reminded of gets a reminder due the lead time before its start (at once when that is past); a
 * course booked at once gets a confirmation; a cancelled, moved or missed appointment loses its pending reminder (a
 * moved one gets a new one at its new time); a paused or cancelled course loses all its pending reminders, and a
 * resumed one gets them back for what is still booked ahead. Course news older than the news kept changes nothing.
 */
@Service
public class ReminderPlanning {

	private static final Logger log = LoggerFactory.getLogger(ReminderPlanning.class);

	private final Reminders reminders;

	private final ReminderSettings settings;

	private final Clock clock;

	ReminderPlanning(Reminders reminders, ReminderSettings settings, Clock clock) {
		this.reminders = reminders;
		this.settings = settings;
		this.clock = clock;
	}

	/** An infusion or booster was booked (or the booking of a moved one); {@code appointment} is BOOKED. */
	@Transactional
	public void booked(BookedAppointment appointment) {
		var known = reminders.appointment(appointment.appointmentId());
		reminders.saveAppointment(appointment);
		if (known.isPresent() && known.get().state() != AppointmentState.BOOKED) {
			log.info("Appointment {} was {} before its booking came; no reminder", appointment.appointmentId(),
					known.get().state());
			return;
		}
		planFor(appointment);
	}

	/** A booked appointment was moved: the old one's reminder goes, the new one gets its own. */
	@Transactional
	public void moved(UUID patientId, UUID oldAppointmentId, BookedAppointment replacement) {
		var old = reminders.appointment(oldAppointmentId);
		reminders.saveAppointment(old.map(a -> a.withState(AppointmentState.MOVED))
			.orElse(placeholder(oldAppointmentId, patientId, null, AppointmentState.MOVED)));
		reminders.cancelPending(null, List.of(oldAppointmentId), "appointment moved", clock.instant());
		var courseId = old.map(BookedAppointment::courseId).orElse(null);
		booked(new BookedAppointment(replacement.appointmentId(), patientId, courseId, AppointmentState.BOOKED,
				old.map(BookedAppointment::kind).orElse(null), old.map(BookedAppointment::sequence).orElse(null),
				old.map(BookedAppointment::courseInfusions).orElse(null), replacement.start(), replacement.siteId(),
				replacement.siteName(), replacement.timeZone(), replacement.chairName()));
	}

	/** An appointment was cancelled or missed: its pending reminder goes. */
	@Transactional
	public void ended(UUID patientId, UUID appointmentId, @Nullable UUID courseId, AppointmentState state) {
		var known = reminders.appointment(appointmentId);
		reminders.saveAppointment(known.map(a -> a.withState(state))
			.orElse(placeholder(appointmentId, patientId, courseId, state)));
		reminders.cancelPending(null, List.of(appointmentId), "appointment " + state.name().toLowerCase(),
				clock.instant());
	}

	/**
	 * A course was booked at once: its occurrences are kept (their site comes with each booking) and the patient
	 * gets the course's confirmation.
	 */
	@Transactional
	public void coursePlanned(UUID patientId, UUID courseId, long version, List<BookedAppointment> occurrences) {
		reminders.saveCourseIfNewer(courseId, patientId, CourseState.ACTIVE, version);
		occurrences.forEach(reminders::saveAppointment);
		var now = clock.instant();
		if (reminders.courseState(courseId).map(CourseState::remindable).orElse(false)) {
			reminders.plan(new Reminder(UUID.randomUUID(), patientId, ReminderKind.COURSE_CONFIRMATION, courseId, null,
					now, "PENDING", 0, null), now);
		}
	}

	/** The course was paused (or closed): nothing more is sent for it until it resumes. */
	@Transactional
	public void courseHalted(UUID patientId, UUID courseId, long version, CourseState state,
			List<UUID> appointmentIds) {
		if (!reminders.saveCourseIfNewer(courseId, patientId, state, version)) {
			log.info("Course {} news at version {} is not newer than the news kept; dropped", courseId, version);
			return;
		}
		if (state == CourseState.CANCELLED) {
			for (var id : appointmentIds) {
				var known = reminders.appointment(id);
				reminders.saveAppointment(known.map(a -> a.withState(AppointmentState.CANCELLED))
					.orElse(placeholder(id, patientId, courseId, AppointmentState.CANCELLED)));
			}
		}
		var cancelled = reminders.cancelPending(courseId, appointmentIds, "course " + state.name().toLowerCase(),
				clock.instant());
		log.info("Course {} {}: {} pending reminders cancelled", courseId, state, cancelled);
	}

	/** The course resumed (or was completed): what is still booked ahead is reminded of again. */
	@Transactional
	public void courseGoesOn(UUID patientId, UUID courseId, long version, CourseState state) {
		if (!reminders.saveCourseIfNewer(courseId, patientId, state, version)) {
			log.info("Course {} news at version {} is not newer than the news kept; dropped", courseId, version);
			return;
		}
		reminders.bookedOf(courseId).forEach(this::planFor);
	}

	private void planFor(BookedAppointment appointment) {
		var start = appointment.start();
		var now = clock.instant();
		if (start == null || !start.isAfter(now) || "CONSULTATION".equals(appointment.kind())) {
			return;
		}
		if (appointment.courseId() != null && !reminders.courseState(appointment.courseId())
			.map(CourseState::remindable)
			.orElse(true)) {
			return;
		}
		var due = start.minus(settings.leadTime());
		reminders.plan(new Reminder(UUID.randomUUID(), appointment.patientId(), ReminderKind.APPOINTMENT,
				appointment.courseId(), appointment.appointmentId(), due.isBefore(now) ? now : due, "PENDING", 0,
				null), now);
	}

	private static BookedAppointment placeholder(UUID appointmentId, UUID patientId, @Nullable UUID courseId,
			AppointmentState state) {
		return new BookedAppointment(appointmentId, patientId, courseId, state, null, null, null, null, null, null,
				null, null);
	}

	/** The reminders of the patient, for the front desk. */
	@Transactional(readOnly = true)
	public List<Reminder> of(UUID patientId) {
		return reminders.remindersOf(patientId);
	}

	@Transactional(readOnly = true)
	public List<Delivery> deliveriesOf(UUID reminderId) {
		return reminders.deliveriesOf(reminderId);
	}

	Instant now() {
		return clock.instant();
	}
}
