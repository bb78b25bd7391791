package clinic.session.appointments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the projection of booked appointments up to date and answers questions about it. */
@Service
public class AppointmentService {

	private static final Logger log = LoggerFactory.getLogger(AppointmentService.class);

	/** The nurse's list is a working list, not an archive: a bound keeps a busy clinic's page small. */
	static final int LIST_LIMIT = 500;

	private final Appointments appointments;

	AppointmentService(Appointments appointments) {
		this.appointments = appointments;
	}

	/** Takes a booked appointment into the projection; consultations get no session record and are skipped. */
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
		return stored;
	}

	/** The appointment unless it was cancelled or moved, held until the transaction ends. */
	@Transactional
	public Optional<BookedAppointment> hold(UUID appointmentId) {
		return appointments.findForUpdate(appointmentId);
	}

	/**
	 * Scheduling cancelled the appointment at {@code aggregateVersion}: it leaves the list. A stale cancellation, or
	 * one of an appointment not on the list, changes nothing. Returns whether it left the list.
	 */
	@Transactional
	public boolean cancelled(UUID appointmentId, long aggregateVersion, Instant at) {
		var removed = appointments.cancelIfNewer(appointmentId, aggregateVersion, at);
		if (!removed) {
			log.info("Cancellation of appointment {} at version {} is stale or the appointment is not on the list; "
					+ "dropped", appointmentId, aggregateVersion);
		}
		return removed;
	}

	/** Scheduling moved an appointment: the old one is replaced by {@code newAppointmentId} in this chair and time. */
	public record Move(UUID appointmentId, UUID newAppointmentId, String chairName, Instant start, Instant end,
			long aggregateVersion, Instant at) {
	}

	/**
	 * The moved appointment leaves the list and its replacement takes its place, with the same patient, course and
	 * infusion number. A stale move, or one of an appointment not on the list, changes nothing. Returns whether it
	 * moved.
	 */
	@Transactional
	public boolean moved(Move move) {
		var old = appointments.findForUpdate(move.appointmentId());
		if (old.isEmpty() || old.get().aggregateVersion() >= move.aggregateVersion()) {
			log.info("Move of appointment {} at version {} is stale or the appointment is not on the list; dropped",
					move.appointmentId(), move.aggregateVersion());
			return false;
		}
		var a = old.get();
		appointments.cancelIfNewer(a.appointmentId(), move.aggregateVersion(), move.at());
		appointments.saveIfNewer(new BookedAppointment(move.newAppointmentId(), a.patientId(), a.patientName(),
				a.courseId(), move.chairName(), a.kind(), a.sequence(), move.start(), move.end(),
				move.aggregateVersion()));
		return true;
	}

	@Transactional(readOnly = true)
	public Optional<BookedAppointment> find(UUID appointmentId) {
		return appointments.find(appointmentId);
	}

	@Transactional(readOnly = true)
	public List<BookedAppointment> soonestFirst() {
		return appointments.all(LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public List<BookedAppointment> ofPatient(UUID patientId) {
		return appointments.ofPatient(patientId);
	}
}
