package clinic.session.records;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import clinic.platform.events.ClinicEvents;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.platform.security.CurrentUser;
import clinic.session.discharge.DischargeChecklist;
import clinic.session.discharge.DischargeSettings;
import clinic.session.doseplans.Route;
import clinic.session.dosing.DoseCalculator;
import clinic.session.dosing.Dosing;
import clinic.session.dosing.PreDoseLimits;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.AlertAction;
import clinic.session.monitoring.AlertResponse;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.MonitoringSchedule;
import clinic.session.monitoring.MonitoringThresholds;
import clinic.session.monitoring.Questionnaires;
import clinic.session.monitoring.Severity;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.SideEffectKind;
import clinic.session.monitoring.VitalSigns;
import clinic.session.monitoring.VitalsReading;
import clinic.session.path.DosingPause;
import clinic.session.path.InfusionGate;
import clinic.session.path.PathService;

/**
 * The clinical steps of a session record, each one transaction: check-in, vitals (with alerts), the clinician's
 * confirmation of a high pre-dose blood pressure, the dose, the end of the infusion, alert actions, side effects,
 * CADSS-6, adverse events, the discharge checklist, the two signatures and addenda. The record refuses a step out
 * of order (409); who and when come from the request and the clock.
 */
@Service
public class SessionChartService {

	private final SessionRecords records;

	private final MonitoringThresholds thresholds;

	private final MonitoringSchedule schedule;

	private final DoseCalculator doses;

	private final PreDoseLimits preDoseLimits;

	private final DischargeSettings discharge;

	private final ClinicEvents events;

	private final DosingGuard guard;

	private final AdverseEventSettings adverseEvents;

	private final PathService path;

	private final Clock clock;

	SessionChartService(SessionRecords records, MonitoringThresholds thresholds, MonitoringSchedule schedule,
			DoseCalculator doses, PreDoseLimits preDoseLimits, DischargeSettings discharge, ClinicEvents events,
			DosingGuard guard, AdverseEventSettings adverseEvents, PathService path, Clock clock) {
		this.records = records;
		this.thresholds = thresholds;
		this.schedule = schedule;
		this.doses = doses;
		this.preDoseLimits = preDoseLimits;
		this.discharge = discharge;
		this.events = events;
		this.guard = guard;
		this.adverseEvents = adverseEvents;
		this.path = path;
		this.clock = clock;
	}

	public record CheckInInput(boolean identityConfirmed, boolean escortConfirmed, String escortName,
			boolean fasting, String medicationChanges, List<Integer> phq9Items) {
	}

	/** The dose as the nurse enters it; {@code doseMg} null means the planned dose. */
	public record DoseInput(BigDecimal weightKg, BigDecimal doseMg, BigDecimal infusionRateMgPerHour, String drugLot,
			String preparedBy) {
	}

	public record DischargeInput(boolean vitalsNearBaseline, boolean alertAndOriented, boolean steadyGait,
			boolean escortPresent, boolean instructionsGiven) {
	}

	@Transactional(readOnly = true)
	public SessionChart chart(UUID id) {
		return chartOf(get(id));
	}

	/** The chart of a record as it is now: phase, due readings, open criteria. */
	public SessionChart chartOf(SessionRecord record) {
		var now = now();
		return new SessionChart(record, now, record.phase(), schedule.slots(record.timeline(), record.vitals(), now),
				record.needsBpClearance(preDoseLimits), record.openCriteria(discharge, now), doses.limits());
	}

	/**
	 * Checks the patient in, when the infusion may still be given today (see {@link DosingGuard}), and tells
	 * scheduling (clinic.session.checked-in.v1).
	 */
	@Transactional
	public SessionChart checkIn(UUID id, CheckInInput input) {
		var phq9 = input.phq9Items() == null ? null : Questionnaires.phq9(input.phq9Items());
		var checkIn = new CheckIn(input.identityConfirmed(), input.escortConfirmed(), input.escortName(),
				input.fasting(), input.medicationChanges(), phq9, CurrentUser.name(), now());
		var record = get(id);
		if (record.dosing() == null && !record.isSigned()) {
			guard.require(guard.booked(record.appointmentId()), record, InfusionGate.Moment.CHECK_IN);
		}
		var changed = record.checkedIn(checkIn);
		records.update(changed);
		events.publish(CheckedIn.of(changed));
		return chartOf(changed);
	}

	/**
	 * Stores the reading in the record's current phase, flagged with every threshold it breaches; a breach raises an
	 * alert and publishes clinic.session.vitals-breach.v1.
	 */
	@Transactional
	public VitalsReading recordVitals(UUID id, VitalSigns signs) {
		var record = get(id);
		var reading = VitalsReading.of(signs, thresholds.breaches(signs), record.phase(), CurrentUser.name(), now());
		var alert = reading.breached() ? Alert.raisedBy(reading) : null;
		var changed = record.withReading(reading, alert);
		records.update(changed);
		records.insert(id, reading);
		if (alert != null) {
			records.insert(id, alert);
			events.publish(VitalsBreachDetected.of(changed, reading, alert));
		}
		return reading;
	}

	/** A clinician confirms dosing despite the latest pre-dose blood pressure above the clinic's limit. */
	@Transactional
	public SessionChart confirmPreDoseBp(UUID id, String reason) {
		var record = get(id);
		var reading = record.latestPreDoseReading().orElse(null);
		var clearance = new PreDoseClearance(reading == null ? null : reading.takenAt(), reason, CurrentUser.name(),
				now());
		return save(record.bpCleared(clearance, preDoseLimits));
	}

	/**
	 * Records the dose given, when the infusion may be given now (see {@link DosingGuard}): mg/kg × the weight at
	 * the chair within the plan's range. An IV dose needs the infusion rate, at which it runs as long as the clinic's
	 * IV infusion; other routes have none.
	 */
	@Transactional
	public SessionChart dose(UUID id, DoseInput input) {
		var record = get(id);
		if (record.dosing() == null && !record.isSigned() && record.checkIn() != null) {
			guard.require(guard.booked(record.appointmentId()), record, InfusionGate.Moment.DOSE);
		}
		var route = record.dosePlan().route();
		if (route == Route.IV && input.infusionRateMgPerHour() == null) {
			throw new InvalidInputException("infusionRateMgPerHour", "An IV dose needs the infusion rate (mg/h)");
		}
		if (route != Route.IV && input.infusionRateMgPerHour() != null) {
			throw new InvalidInputException("infusionRateMgPerHour",
					"Only an IV dose has an infusion rate; this plan's route is " + route);
		}
		var given = doses.doseToGive(record.dosePlan(), input.weightKg(), input.doseMg());
		if (route == Route.IV) {
			doses.checkIvRate(given, input.infusionRateMgPerHour());
		}
		var dosing = new Dosing(input.weightKg(), doses.planned(record.dosePlan(), input.weightKg()), given,
				input.infusionRateMgPerHour(), input.drugLot(), input.preparedBy(), CurrentUser.name(), now());
		return save(record.dosed(dosing, preDoseLimits));
	}

	/** Ends the running IV infusion; before the clinic's shortest IV infusion has run, {@code reason} says why. */
	@Transactional
	public SessionChart endInfusion(UUID id, String reason) {
		var why = reason == null || reason.isBlank() ? null : reason.strip();
		return save(get(id).infusionEnded(new InfusionEnd(CurrentUser.name(), now(), why), doses.shortestIvInfusion()));
	}

	@Transactional
	public SessionChart answerAlert(UUID id, UUID alertId, AlertAction action, String reason) {
		var changed = get(id).alertAnswered(alertId, new AlertResponse(action, reason, CurrentUser.name(), now()));
		records.update(changed);
		records.answered(id, changed.alerts().stream().filter(a -> a.id().equals(alertId)).findFirst().orElseThrow());
		return chartOf(changed);
	}

	@Transactional
	public SessionChart recordSideEffect(UUID id, SideEffectKind effect, Severity severity, String note) {
		var sideEffect = new SideEffect(effect, severity, note, CurrentUser.name(), now());
		var changed = get(id).withSideEffect(sideEffect);
		records.update(changed);
		records.insert(id, sideEffect);
		return chartOf(changed);
	}

	@Transactional
	public SessionChart recordCadss(UUID id, List<Integer> items) {
		var score = new Cadss6(items, CurrentUser.name(), now());
		var changed = get(id).withCadss(score);
		records.update(changed);
		records.insert(id, score);
		return chartOf(changed);
	}

	/**
	 * Records the adverse event and publishes clinic.session.adverse-event-reported.v1 with it (once). A grade that
	 * pauses the course pauses the patient's dosing here at once, in the same transaction: no other infusion of the
	 * patient is dosed from the moment this returns until scheduling's resumption of the course names the event.
	 */
	@Transactional
	public SessionChart reportAdverseEvent(UUID id, AdverseEventGrade grade, String description) {
		var record = get(id);
		records.lockPatient(record.patientId());
		var event = new AdverseEvent(UUID.randomUUID(), grade, description, CurrentUser.name(), now());
		var changed = record.withAdverseEvent(event);
		records.update(changed);
		records.insert(id, event);
		var pauses = adverseEvents.pausesCourse(grade);
		if (pauses) {
			path.pauseDosing(new DosingPause(event.id(), record.patientId(), record.id(), grade.name(),
					event.reportedBy(), event.reportedAt()));
		}
		events.publish(AdverseEventReported.of(changed, event, pauses));
		return chartOf(changed);
	}

	@Transactional
	public SessionChart checkDischarge(UUID id, DischargeInput input) {
		return save(get(id).dischargeChecked(new DischargeChecklist(input.vitalsNearBaseline(),
				input.alertAndOriented(), input.steadyGait(), input.escortPresent(), input.instructionsGiven(),
				CurrentUser.name(), now())));
	}

	/** The nurse signs the discharge; with the clinician's signature the record completes. */
	@Transactional
	public SessionChart signAsNurse(UUID id, String notes) {
		return signed(get(id).signedByNurse(new Signature(CurrentUser.name(), now()), notes, discharge));
	}

	/** The clinician signs the discharge; with the nurse's signature the record completes. */
	@Transactional
	public SessionChart signAsClinician(UUID id) {
		return signed(get(id).signedByClinician(new Signature(CurrentUser.name(), now()), discharge));
	}

	@Transactional
	public SessionChart addAddendum(UUID id, String text) {
		var addendum = new Addendum(UUID.randomUUID(), text, CurrentUser.name(), now());
		var changed = get(id).withAddendum(addendum);
		records.insert(id, addendum);
		return chartOf(changed);
	}

	private SessionChart signed(SessionRecord changed) {
		records.update(changed);
		if (changed.isSigned()) {
			events.publish(SessionCompleted.of(changed));
		}
		return chartOf(changed);
	}

	private SessionChart save(SessionRecord changed) {
		records.update(changed);
		return chartOf(changed);
	}

	private SessionRecord get(UUID id) {
		return records.find(id).orElseThrow(() -> new NotFoundException("Session record", id));
	}

	/** PostgreSQL keeps microseconds: what a change returns is what a later read returns. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
