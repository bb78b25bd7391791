package clinic.session.records;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.PatientDosePlan;

/**
 * Opens a session record for a booked appointment (the clinical steps that follow are in
 * {@link SessionChartService}); keeps an appointment whose record is open on the list when scheduling cancels or
 * moves it.
 */
@Service
public class SessionRecordService {

	private static final Logger log = LoggerFactory.getLogger(SessionRecordService.class);

	private final AppointmentService appointments;

	private final DosePlanService dosePlans;

	private final SessionRecords records;

	private final ClinicEvents events;

	private final Clock clock;

	SessionRecordService(AppointmentService appointments, DosePlanService dosePlans, SessionRecords records,
			ClinicEvents events, Clock clock) {
		this.appointments = appointments;
		this.dosePlans = dosePlans;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	/** Booked appointments soonest first, each with its record once one is open. */
	@Transactional(readOnly = true)
	public List<ScheduledSession> scheduled() {
		var booked = appointments.soonestFirst();
		var recordIds = records.recordIdsByAppointment(booked.stream().map(BookedAppointment::appointmentId).toList());
		return booked.stream()
			.map(a -> new ScheduledSession(a.appointmentId(), a.patientId(), patientName(a), a.start(), a.chairName(),
					recordIds.get(a.appointmentId())))
			.toList();
	}

	@Transactional
	public SessionRecord open(UUID appointmentId) {
		var appointment = appointments.hold(appointmentId)
			.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
		var existing = records.recordIdsByAppointment(List.of(appointmentId)).get(appointmentId);
		if (existing != null) {
			throw new ConflictException(
					"Appointment " + appointmentId + " already has a session record: " + existing);
		}
		var plan = dosePlans.current(appointment.patientId())
			.orElseThrow(() -> new ConflictException("Patient " + appointment.patientId()
					+ " has no dose plan: no signed CLEARED eligibility decision is known for them"));
		var record = SessionRecord.open(appointment, patientName(appointment), plan, CurrentUser.name(), now());
		records.insert(record);
		events.publish(SessionStarted.of(record));
		return record;
	}

	/**
	 * Scheduling cancelled the appointment: it leaves the nurse's list, unless its session record is already open;
	 * then nothing changes (the record is the clinical truth) and this is logged. Returns whether it left the list.
	 */
	@Transactional
	public boolean appointmentCancelled(UUID appointmentId, long aggregateVersion, Instant at) {
		if (hasRecord(appointmentId)) {
			log.warn("Scheduling cancelled appointment {} (version {}) but its session record is already open; "
					+ "the appointment stays on the list", appointmentId, aggregateVersion);
			return false;
		}
		return appointments.cancelled(appointmentId, aggregateVersion, at);
	}

	/**
	 * Scheduling moved the appointment: the nurse's list shows it at its new time and chair, unless its session
	 * record is already open; then nothing changes and this is logged. Returns whether it moved.
	 */
	@Transactional
	public boolean appointmentMoved(AppointmentService.Move move) {
		if (hasRecord(move.appointmentId())) {
			log.warn("Scheduling moved appointment {} to {} (version {}) but its session record is already open; "
					+ "the appointment stays where it was", move.appointmentId(), move.newAppointmentId(),
					move.aggregateVersion());
			return false;
		}
		return appointments.moved(move);
	}

	/** Holds the appointment (opening a record holds it too), then looks for its record. */
	private boolean hasRecord(UUID appointmentId) {
		appointments.hold(appointmentId);
		return records.recordIdsByAppointment(List.of(appointmentId)).containsKey(appointmentId);
	}

	@Transactional(readOnly = true)
	public SessionRecord get(UUID id) {
		return records.find(id).orElseThrow(() -> new NotFoundException("Session record", id));
	}

	/** Scheduling's name for the patient, or intake's when scheduling sent none. */
	private String patientName(BookedAppointment appointment) {
		if (appointment.patientName() != null) {
			return appointment.patientName();
		}
		return dosePlans.of(appointment.patientId()).map(PatientDosePlan::patientName).orElse(null);
	}

	/** PostgreSQL keeps microseconds: what a change returns is what a later read returns. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
