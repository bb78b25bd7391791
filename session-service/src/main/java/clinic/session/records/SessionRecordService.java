package clinic.session.records;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.ConflictException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.session.appointments.AppointmentService;
import clinic.session.appointments.AppointmentState;
import clinic.session.appointments.BookedAppointment;
import clinic.session.doseplans.DosePlanService;
import clinic.session.doseplans.PatientDosePlan;
import clinic.session.path.InfusionGate;
import clinic.session.path.PathService;
import clinic.session.patients.PatientService;

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

	private final DosingGuard guard;

	private final PathService path;

	private final PatientService patients;

	private final SessionChartService charts;

	private final Clock clock;

	SessionRecordService(AppointmentService appointments, DosePlanService dosePlans, SessionRecords records,
			ClinicEvents events, DosingGuard guard, PathService path, PatientService patients,
			SessionChartService charts, Clock clock) {
		this.appointments = appointments;
		this.charts = charts;
		this.patients = patients;
		this.dosePlans = dosePlans;
		this.records = records;
		this.events = events;
		this.guard = guard;
		this.path = path;
		this.clock = clock;
	}

	/** One page of a day's appointments, earliest first, and how many there are in all. */
	public record DayPage(List<ScheduledSession> appointments, int page, int size, long total) {
	}

	/**
	 * The nurse's day: the appointments still booked on {@code date} (each read in its site's time zone; today there
	 * when null), at one site or all, earliest first, one page of {@code size} at a time.
	 */
	@Transactional(readOnly = true)
	public DayPage day(@Nullable UUID siteId, @Nullable LocalDate date, int page, int size) {
		var found = appointments.ofDay(siteId, date, clock.instant(), page, size);
		return new DayPage(scheduled(found.appointments()), page, size, found.total());
	}

	/**
	 * One booked appointment as the nurse's day shows it (the chart's banner: patient, MRN, infusion n of N, chair,
	 * site and its time zone, the record once open); 409 when scheduling cancelled or moved it, or marked it no-show,
	 * and no record was open by then.
	 */
	@Transactional(readOnly = true)
	public ScheduledSession appointment(UUID appointmentId) {
		var booked = appointments.find(appointmentId);
		if (booked.isEmpty()) {
			var state = appointments.state(appointmentId)
				.orElseThrow(() -> new NotFoundException("Appointment", appointmentId));
			throw new ConflictException("Appointment " + appointmentId + " is no longer booked: scheduling "
					+ (state == AppointmentState.NO_SHOW ? "marked it no-show" : "cancelled or moved it"),
					Map.of("reason", "APPOINTMENT_NOT_BOOKED"));
		}
		return scheduled(List.of(booked.get())).get(0);
	}

	/** Booked appointments with their patients, courses, pauses and records, in the order given. */
	private List<ScheduledSession> scheduled(List<BookedAppointment> booked) {
		var recordIds = records.recordIdsByAppointment(booked.stream().map(BookedAppointment::appointmentId).toList());
		var patientIds = booked.stream().map(BookedAppointment::patientId).distinct().toList();
		var registered = patients.of(patientIds);
		var paused = path.dosingPaused(patientIds);
		var courses = appointments.courses(booked.stream().map(BookedAppointment::courseId).distinct().toList());
		var progress = new HashMap<UUID, RecordProgress>();
		recordIds.forEach((appointment, recordId) -> records.find(recordId)
			.ifPresent(record -> progress.put(appointment, RecordProgress.of(charts.chartOf(record)))));
		return booked.stream().map(a -> {
			var place = a.place();
			var patient = registered.get(a.patientId());
			var course = courses.get(a.courseId());
			return new ScheduledSession(a.appointmentId(), a.patientId(),
					patient != null ? patient.name() : patientName(a), patient != null ? patient.mrn() : null, a.kind(),
					a.sequence(), a.courseInfusions(), a.position(), a.courseId(),
					course == null ? null : course.status(), paused.contains(a.patientId()),
					place == null ? null : place.siteId(), place == null ? null : place.siteName(),
					place == null ? null : place.timeZone().getId(), a.chairName(), a.day(), a.start(), a.end(),
					recordIds.get(a.appointmentId()), progress.get(a.appointmentId()));
		}).toList();
	}

	/**
	 * Opens the record of a booked appointment when its infusion may be given today (see {@link DosingGuard}): under
	 * the patient's latest decision and its plan, with a clinician's override of the course order if one was given.
	 */
	@Transactional
	public SessionRecord open(UUID appointmentId) {
		var appointment = guard.booked(appointmentId);
		var existing = records.recordIdsByAppointment(List.of(appointmentId)).get(appointmentId);
		if (existing != null) {
			throw new ConflictException(
					"Appointment " + appointmentId + " already has a session record: " + existing);
		}
		guard.require(appointment, null, InfusionGate.Moment.OPEN);
		var decision = dosePlans.of(appointment.patientId()).orElseThrow();
		var record = SessionRecord.open(appointment, patientName(appointment), decision.plan().orElseThrow(),
				decision.decisionId(), path.override(appointmentId).orElse(null), CurrentUser.name(), now());
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
