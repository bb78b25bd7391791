package clinic.session.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the projection of scheduling's appointments and courses up to date and answers questions about it: which
 * appointments are booked (and where, and which infusion of its course each is) and where each course stands.
 */
@Service
public class AppointmentService {

	private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);

	private final Appointments appointments;

	private final CourseStates courses;

	AppointmentService(Appointments appointments, CourseStates courses) {
		this.appointments = appointments;
		this.courses = courses;
	}

	/**
	 * Takes a booked appointment into the projection; consultations get no session record and are skipped. A course
	 * that takes a booking is ACTIVE (COMPLETED for a booster) at the version the event carries.
	 */
	@Transactional
	public boolean booked(BookedAppointment appointment) {
		if (!appointment.kind().isDosing()) {
			return false;
		}
		var stored = appointments.saveIfNewer(appointment);
		if (!stored) {
			log.info("Appointment {} version {} is not newer than the one kept; dropped", appointment.appointmentId(),
					appointment.aggregateVersion());
		}
		else {
			applyChangeAhead(appointment);
		}
		var status = appointment.kind() == AppointmentKind.BOOSTER ? CourseStatus.COMPLETED : CourseStatus.ACTIVE;
		courses.saveIfNewer(new CourseState(appointment.courseId(), appointment.patientId(), status, null,
				appointment.aggregateVersion(), null));
		return stored;
	}

	/** A cancellation or no-show newer than the booking that came after it takes the booking off the list at once. */
	private void applyChangeAhead(BookedAppointment appointment) {
		appointments.changeAhead(appointment.appointmentId())
			.filter(change -> change.aggregateVersion() > appointment.aggregateVersion())
			.ifPresent(change -> {
				log.info("Appointment {} came after its {} (version {}): taken in {}", appointment.appointmentId(),
						change.change(), change.aggregateVersion(), change.change());
				if (change.change() == AppointmentState.NO_SHOW) {
					appointments.noShowIfNewer(appointment.appointmentId(), change.aggregateVersion(), change.at());
				}
				else {
					appointments.cancelIfNewer(appointment.appointmentId(), change.aggregateVersion(), change.at());
				}
			});
	}

	/**
	 * A change of an appointment session has never seen is kept for its booking (see {@link #applyChangeAhead});
	 * returns whether it was kept.
	 */
	private boolean keepIfAhead(UUID appointmentId, AppointmentState change, long aggregateVersion, Instant at) {
		if (appointments.state(appointmentId).isPresent()) {
			return false;
		}
		appointments.keepChangeAhead(appointmentId, change, aggregateVersion, at);
		log.info("{} of appointment {} at version {} came before its booking; kept for it", change, appointmentId,
				aggregateVersion);
		return true;
	}

	/** The appointment unless it was cancelled, moved or marked no-show, held until the transaction ends. */
	@Transactional
	public Optional<BookedAppointment> hold(UUID appointmentId) {
		return appointments.findForUpdate(appointmentId);
	}

	/**
	 * Scheduling cancelled the appointment at {@code aggregateVersion}: it leaves the list. A stale cancellation
	 * changes nothing; one of an appointment session has never seen is kept for its booking. Returns whether it left
	 * the list.
	 */
	@Transactional
	public boolean cancelled(UUID appointmentId, long aggregateVersion, Instant at) {
		var removed = appointments.cancelIfNewer(appointmentId, aggregateVersion, at);
		if (!removed && !keepIfAhead(appointmentId, AppointmentState.CANCELLED, aggregateVersion, at)) {
			log.info("Cancellation of appointment {} at version {} is stale or the appointment is not on the list; "
					+ "dropped", appointmentId, aggregateVersion);
		}
		return removed;
	}

	/** Scheduling marked the appointment no-show: it leaves the list and no longer waits its turn in the course. */
	@Transactional
	public boolean noShow(UUID appointmentId, long aggregateVersion, Instant at) {
		var removed = appointments.noShowIfNewer(appointmentId, aggregateVersion, at);
		if (!removed && !keepIfAhead(appointmentId, AppointmentState.NO_SHOW, aggregateVersion, at)) {
			log.info("No-show of appointment {} at version {} is stale or the appointment is not on the list; dropped",
					appointmentId, aggregateVersion);
		}
		return removed;
	}

	/** Scheduling moved an appointment: the old one is replaced by {@code newAppointmentId} in this chair and time. */
	public record Move(UUID appointmentId, UUID newAppointmentId, BookedAppointment.@Nullable Place place,
			String chairName, Instant start, Instant end, long aggregateVersion, Instant at) {
	}

	/**
	 * The moved appointment leaves the list and its replacement takes its place, with the same patient, course and
	 * infusion number. A stale move, or one of an appointment not on the list, changes nothing. Returns whether it
	 * moved.
	 */
	@Transactional
	public boolean moved(Move move) {
		var old = appointments.findForUpdate(move.appointmentId());
		if (old.isEmpty() && keepIfAhead(move.appointmentId(), AppointmentState.CANCELLED, move.aggregateVersion(),
				move.at())) {
			// the replacement cannot be placed without its booking's course and patient: it is not shown
			log.warn("Appointment {} was moved to {} before session saw its booking; the old one is kept cancelled, the "
					+ "new one is not on the list", move.appointmentId(), move.newAppointmentId());
			return false;
		}
		if (old.isEmpty() || old.get().aggregateVersion() >= move.aggregateVersion()) {
			log.info("Move of appointment {} at version {} is stale or the appointment is not on the list; dropped",
					move.appointmentId(), move.aggregateVersion());
			return false;
		}
		appointments.cancelIfNewer(move.appointmentId(), move.aggregateVersion(), move.at());
		appointments.saveIfNewer(old.get()
			.movedTo(move.newAppointmentId(), move.place(), move.chairName(), move.start(), move.end(),
					move.aggregateVersion()));
		return true;
	}

	/** A course's status as scheduling announced it (paused, resumed, cancelled, completed). */
	@Transactional
	public boolean courseChanged(CourseState state) {
		var stored = courses.saveIfNewer(state);
		if (!stored) {
			log.info("Course {} {} at version {} is not newer than the state kept; dropped", state.courseId(),
					state.status(), state.aggregateVersion());
		}
		return stored;
	}

	@Transactional(readOnly = true)
	public Optional<CourseState> course(UUID courseId) {
		return courses.of(courseId);
	}

	@Transactional(readOnly = true)
	public Map<UUID, CourseState> courses(Collection<UUID> courseIds) {
		return courses.of(courseIds);
	}

	@Transactional(readOnly = true)
	public Optional<BookedAppointment> find(UUID appointmentId) {
		return appointments.find(appointmentId);
	}

	@Transactional(readOnly = true)
	public Optional<AppointmentState> state(UUID appointmentId) {
		return appointments.state(appointmentId);
	}

	/** The course's appointments still booked, earliest first. */
	@Transactional(readOnly = true)
	public List<BookedAppointment> ofCourse(UUID courseId) {
		return appointments.ofCourse(courseId);
	}

	@Transactional(readOnly = true)
	public List<BookedAppointment> ofPatient(UUID patientId) {
		return appointments.ofPatient(patientId);
	}

	/** One page of a day's appointments (see {@link Appointments#ofDay}), with how many there are in all. */
	public record DayPage(List<BookedAppointment> appointments, long total) {
	}

	@Transactional(readOnly = true)
	public DayPage ofDay(@Nullable UUID siteId, @Nullable LocalDate date, Instant now, int page, int size) {
		return new DayPage(appointments.ofDay(siteId, date, now, page * size, size),
				appointments.countOfDay(siteId, date, now));
	}
}
