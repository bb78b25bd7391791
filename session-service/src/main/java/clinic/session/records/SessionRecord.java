package clinic.session.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.platform.problems.NotFoundException;
import clinic.session.appointments.BookedAppointment;
import clinic.session.discharge.DischargeChecklist;
import clinic.session.discharge.DischargeCriterion;
import clinic.session.discharge.DischargeSettings;
import clinic.session.discharge.OpenCriterion;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;
import clinic.session.dosing.Dosing;
import clinic.session.dosing.PreDoseLimits;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.AlertAction;
import clinic.session.monitoring.AlertResponse;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.MonitoringSchedule;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.VitalsReading;
import clinic.session.path.CourseOrderOverride;

/**
 * The chart of one infusion session, opened for a booked appointment under the patient's latest decision and its dose
 * plan (and a clinician's override of the course order, when one let it go ahead of earlier infusions): check-in,
 * pre-dose vitals (a clinician confirms a blood pressure above the pre-dose limit), the dose, monitoring with
 * alerts, side effects, CADSS-6, adverse events, the discharge checklist and the two signatures. Once nurse and
 * clinician have both signed it is COMPLETED and changes no more (addenda only); after the first signature it only
 * takes the second. {@code version} grows with every change and travels with the record's events.
 */
public record SessionRecord(UUID id, UUID appointmentId, UUID patientId, String patientName, SessionStatus status,
		DosePlan dosePlan, UUID decisionId, String openedBy, Instant openedAt, CourseOrderOverride orderOverride,
		CheckIn checkIn, PreDoseClearance preDoseClearance,
		Dosing dosing, InfusionEnd infusionEnd, DischargeChecklist discharge, Signature nurseSignature,
		Signature clinicianSignature, String notes, List<VitalsReading> vitals, List<Alert> alerts,
		List<SideEffect> sideEffects, List<Cadss6> cadssScores, List<AdverseEvent> adverseEvents,
		List<Addendum> addenda, long version) {

	public SessionRecord {
		vitals = List.copyOf(vitals);
		alerts = List.copyOf(alerts);
		sideEffects = List.copyOf(sideEffects);
		cadssScores = List.copyOf(cadssScores);
		adverseEvents = List.copyOf(adverseEvents);
		addenda = List.copyOf(addenda);
	}

	/**
	 * Opens the record of the appointment under the patient's latest decision ({@code decisionId}, with its plan),
	 * with the clinician's override of the course order when one was given for the appointment.
	 */
	public static SessionRecord open(BookedAppointment appointment, String patientName, DosePlan dosePlan,
			UUID decisionId, CourseOrderOverride orderOverride, String openedBy, Instant openedAt) {
		return new SessionRecord(UUID.randomUUID(), appointment.appointmentId(), appointment.patientId(), patientName,
				SessionStatus.IN_PROGRESS, dosePlan, decisionId, openedBy, openedAt, orderOverride, null, null, null,
				null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 1);
	}

	/** Before the dose, during an IV infusion until it ends, then recovery (IM and intranasal go straight there). */
	public Phase phase() {
		if (dosing == null) {
			return Phase.PRE_DOSE;
		}
		return dosePlan.route() == Route.IV && infusionEnd == null ? Phase.INFUSION : Phase.RECOVERY;
	}

	/** The session's times for the monitoring schedule. */
	public MonitoringSchedule.Timeline timeline() {
		var iv = dosePlan.route() == Route.IV;
		var dosedAt = dosing == null ? null : dosing.administeredAt();
		var recoveryStart = iv ? (infusionEnd == null ? null : infusionEnd.endedAt()) : dosedAt;
		return new MonitoringSchedule.Timeline(iv ? dosedAt : null, recoveryStart, completedAt());
	}

	public Optional<VitalsReading> latestPreDoseReading() {
		return vitals.stream().filter(v -> v.phase() == Phase.PRE_DOSE).reduce((first, second) -> second);
	}

	/** Not dosed yet, and the latest pre-dose blood pressure is above the limit without a confirmation of it. */
	public boolean needsBpClearance(PreDoseLimits limits) {
		if (dosing != null) {
			return false;
		}
		return latestPreDoseReading().filter(r -> limits.elevated(r.systolic(), r.diastolic()))
			.filter(r -> preDoseClearance == null || preDoseClearance.readingTakenAt().isBefore(r.takenAt()))
			.isPresent();
	}

	public boolean isSigned() {
		return status == SessionStatus.COMPLETED;
	}

	/** The signature that completed the record (the second one), or null while it is open. */
	public Signature completion() {
		if (!isSigned()) {
			return null;
		}
		if (nurseSignature == null || clinicianSignature == null) {
			// completed before sign-off by two existed: the nurse's completion is the only signature
			return nurseSignature != null ? nurseSignature : clinicianSignature;
		}
		return nurseSignature.signedAt().isAfter(clinicianSignature.signedAt()) ? nurseSignature : clinicianSignature;
	}

	private Instant completedAt() {
		var completion = completion();
		return completion == null ? null : completion.signedAt();
	}

	public SessionRecord checkedIn(CheckIn how) {
		requireEditable("be checked in");
		if (dosing != null) {
			throw new ConflictException("Session record " + id + " is already dosed; the check-in cannot change");
		}
		var change = change();
		change.checkIn = how;
		return change.done();
	}

	/** Adds a reading; one beyond a threshold brings its alert. */
	public SessionRecord withReading(VitalsReading reading, Alert alert) {
		requireEditable("take new vitals");
		var change = change();
		change.vitals.add(reading);
		if (alert != null) {
			change.alerts.add(alert);
		}
		return change.done();
	}

	public SessionRecord bpCleared(PreDoseClearance clearance, PreDoseLimits limits) {
		requireEditable("take a pre-dose confirmation");
		if (!needsBpClearance(limits)) {
			throw new ConflictException("Session record " + id + " has no pre-dose blood pressure above "
					+ limits.describe() + " awaiting a clinician's confirmation");
		}
		var change = change();
		change.preDoseClearance = clearance;
		return change.done();
	}

	public SessionRecord dosed(Dosing how, PreDoseLimits limits) {
		requireEditable("be dosed");
		if (dosing != null) {
			throw new ConflictException("Session record " + id + " was already dosed by " + dosing.administeredBy()
					+ " at " + dosing.administeredAt());
		}
		if (checkIn == null) {
			throw new ConflictException("Check the patient in before dosing");
		}
		var preDose = latestPreDoseReading()
			.orElseThrow(() -> new ConflictException("Record the pre-dose vitals before dosing"));
		if (needsBpClearance(limits)) {
			throw new ConflictException("The pre-dose blood pressure " + preDose.systolic() + "/" + preDose.diastolic()
					+ " mmHg is above " + limits.describe() + ": a clinician must confirm before dosing");
		}
		var change = change();
		change.dosing = how;
		return change.done();
	}

	/**
	 * Ends the running IV infusion. Before it has run {@code leastDuration} (the clinic's shortest IV infusion) the
	 * nurse says why ({@code reason}, 400 naming it otherwise).
	 */
	public SessionRecord infusionEnded(InfusionEnd end, Duration leastDuration) {
		requireEditable("end the infusion");
		if (phase() != Phase.INFUSION) {
			throw new ConflictException("Session record " + id + " has no running infusion (route "
					+ dosePlan.route() + ", phase " + phase() + ")");
		}
		var ran = Duration.between(dosing.administeredAt(), end.endedAt());
		if (ran.compareTo(leastDuration) < 0 && (end.reason() == null || end.reason().isBlank())) {
			throw new InvalidInputException("reason", "The infusion has run " + ran.toMinutes() + " min; an IV "
					+ "infusion runs at least " + leastDuration.toMinutes() + " min: say why it ends early");
		}
		var change = change();
		change.infusionEnd = end;
		return change.done();
	}

	/** Records what was done about an open alert; stopping a running infusion ends it. */
	public SessionRecord alertAnswered(UUID alertId, AlertResponse response) {
		requireEditable("answer an alert");
		var alert = alerts.stream()
			.filter(a -> a.id().equals(alertId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Alert", alertId));
		if (!alert.isOpen()) {
			throw new ConflictException("Alert " + alertId + " was answered already: " + alert.response().action()
					+ " by " + alert.response().respondedBy() + " at " + alert.response().respondedAt());
		}
		var change = change();
		change.alerts.replaceAll(a -> a.id().equals(alertId) ? a.answered(response) : a);
		if (response.action() == AlertAction.STOP && phase() == Phase.INFUSION) {
			change.infusionEnd = new InfusionEnd(response.respondedBy(), response.respondedAt(),
					"Stopped after an alert" + (response.reason() == null ? "" : ": " + response.reason()));
		}
		return change.done();
	}

	public SessionRecord withSideEffect(SideEffect effect) {
		requireEditable("take a side effect");
		var change = change();
		change.sideEffects.add(effect);
		return change.done();
	}

	public SessionRecord withCadss(Cadss6 score) {
		requireEditable("take a CADSS-6 score");
		var change = change();
		change.cadssScores.add(score);
		return change.done();
	}

	public SessionRecord withAdverseEvent(AdverseEvent event) {
		requireEditable("take an adverse event");
		var change = change();
		change.adverseEvents.add(event);
		return change.done();
	}

	public SessionRecord dischargeChecked(DischargeChecklist checklist) {
		requireEditable("take a discharge checklist");
		var change = change();
		change.discharge = checklist;
		return change.done();
	}

	/** An addendum changes nothing already written, so it is taken also after signing and keeps the version. */
	public SessionRecord withAddendum(Addendum addendum) {
		var all = new ArrayList<>(addenda);
		all.add(addendum);
		return new SessionRecord(id, appointmentId, patientId, patientName, status, dosePlan, decisionId, openedBy,
				openedAt, orderOverride, checkIn, preDoseClearance, dosing, infusionEnd, discharge, nurseSignature, clinicianSignature, notes,
				vitals, alerts, sideEffects, cadssScores, adverseEvents, all, version);
	}

	/** Every discharge criterion that does not hold at {@code now}; empty when the discharge can be signed. */
	public List<OpenCriterion> openCriteria(DischargeSettings settings, Instant now) {
		var open = new ArrayList<OpenCriterion>();
		if (checkIn == null) {
			open.add(new OpenCriterion(DischargeCriterion.CHECKED_IN, "The patient is not checked in"));
		}
		if (dosing == null) {
			open.add(new OpenCriterion(DischargeCriterion.DOSE_GIVEN, "No dose is recorded"));
		}
		else {
			if (phase() == Phase.INFUSION) {
				open.add(new OpenCriterion(DischargeCriterion.INFUSION_ENDED, "The infusion has not ended"));
			}
			if (vitals.stream().noneMatch(v -> v.phase() != Phase.PRE_DOSE)) {
				open.add(new OpenCriterion(DischargeCriterion.READING_AFTER_DOSE,
						"No vitals reading after the dose"));
			}
			var observed = Duration.between(dosing.administeredAt(), now);
			var needed = settings.minimumObservation(dosePlan.route());
			if (observed.compareTo(needed) < 0) {
				open.add(new OpenCriterion(DischargeCriterion.OBSERVATION_TIME, "Observed " + observed.toMinutes()
						+ " min after the dose; " + dosePlan.route() + " needs at least " + needed.toMinutes() + " min"));
			}
			if (infusionEnd != null) {
				var recovered = Duration.between(infusionEnd.endedAt(), now);
				var least = settings.postInfusionObservation();
				if (recovered.compareTo(least) < 0) {
					open.add(new OpenCriterion(DischargeCriterion.OBSERVATION_TIME, "Observed " + recovered.toMinutes()
							+ " min since the infusion ended; at least " + least.toMinutes() + " min after an IV infusion"));
				}
			}
		}
		var unanswered = alerts.stream().filter(Alert::isOpen).count();
		if (unanswered > 0) {
			open.add(new OpenCriterion(DischargeCriterion.ALERTS_ANSWERED,
					unanswered + " alert(s) without a recorded action"));
		}
		checklistCriteria(open);
		return List.copyOf(open);
	}

	private void checklistCriteria(List<OpenCriterion> open) {
		var c = discharge;
		if (c == null || !c.vitalsNearBaseline()) {
			open.add(new OpenCriterion(DischargeCriterion.VITALS_NEAR_BASELINE, "Vitals not confirmed near baseline"));
		}
		if (c == null || !c.alertAndOriented()) {
			open.add(new OpenCriterion(DischargeCriterion.ALERT_AND_ORIENTED, "Not confirmed alert and oriented"));
		}
		if (c == null || !c.steadyGait()) {
			open.add(new OpenCriterion(DischargeCriterion.STEADY_GAIT, "Steady gait not confirmed"));
		}
		if (c == null || !c.escortPresent()) {
			open.add(new OpenCriterion(DischargeCriterion.ESCORT_PRESENT, "Escort not confirmed present"));
		}
		if (c == null || !c.instructionsGiven()) {
			open.add(new OpenCriterion(DischargeCriterion.INSTRUCTIONS_GIVEN, "Written instructions not given"));
		}
	}

	/** The nurse signs the discharge (with optional notes); with the clinician's signature the record completes. */
	public SessionRecord signedByNurse(Signature signature, String notes, DischargeSettings settings) {
		if (nurseSignature != null) {
			throw new ConflictException("Session record " + id + " was already signed by nurse "
					+ nurseSignature.signedBy() + " at " + nurseSignature.signedAt());
		}
		requireDischargeable(settings, signature.signedAt());
		var change = change();
		change.nurseSignature = signature;
		change.notes = notes != null ? notes : this.notes;
		return change.done();
	}

	public SessionRecord signedByClinician(Signature signature, DischargeSettings settings) {
		if (clinicianSignature != null) {
			throw new ConflictException("Session record " + id + " was already signed by clinician "
					+ clinicianSignature.signedBy() + " at " + clinicianSignature.signedAt());
		}
		requireDischargeable(settings, signature.signedAt());
		var change = change();
		change.clinicianSignature = signature;
		return change.done();
	}

	private void requireDischargeable(DischargeSettings settings, Instant now) {
		var open = openCriteria(settings, now);
		if (!open.isEmpty()) {
			throw new ConflictException("The discharge cannot be signed while criteria are open: "
					+ open.stream().map(OpenCriterion::detail).collect(Collectors.joining("; ")));
		}
	}

	private void requireEditable(String what) {
		if (isSigned()) {
			var completion = completion();
			throw new ConflictException("Session record " + id + " was signed (completed by " + completion.signedBy()
					+ " at " + completion.signedAt() + "); it cannot " + what + ". Write an addendum instead");
		}
		var first = nurseSignature != null ? nurseSignature : clinicianSignature;
		if (first != null) {
			throw new ConflictException("Session record " + id + " was signed by " + first.signedBy()
					+ " and awaits the second signature; it cannot " + what);
		}
	}

	private Change change() {
		return new Change(this);
	}

	/** The next version of a record: what a change sets, everything else as it was. */
	private static final class Change {

		private final SessionRecord from;

		CheckIn checkIn;

		PreDoseClearance preDoseClearance;

		Dosing dosing;

		InfusionEnd infusionEnd;

		DischargeChecklist discharge;

		Signature nurseSignature;

		Signature clinicianSignature;

		String notes;

		final List<VitalsReading> vitals;

		final List<Alert> alerts;

		final List<SideEffect> sideEffects;

		final List<Cadss6> cadssScores;

		final List<AdverseEvent> adverseEvents;

		Change(SessionRecord from) {
			this.from = from;
			checkIn = from.checkIn;
			preDoseClearance = from.preDoseClearance;
			dosing = from.dosing;
			infusionEnd = from.infusionEnd;
			discharge = from.discharge;
			nurseSignature = from.nurseSignature;
			clinicianSignature = from.clinicianSignature;
			notes = from.notes;
			vitals = new ArrayList<>(from.vitals);
			alerts = new ArrayList<>(from.alerts);
			sideEffects = new ArrayList<>(from.sideEffects);
			cadssScores = new ArrayList<>(from.cadssScores);
			adverseEvents = new ArrayList<>(from.adverseEvents);
		}

		SessionRecord done() {
			var status = nurseSignature != null && clinicianSignature != null ? SessionStatus.COMPLETED
					: SessionStatus.IN_PROGRESS;
			return new SessionRecord(from.id, from.appointmentId, from.patientId, from.patientName, status,
					from.dosePlan, from.decisionId, from.openedBy, from.openedAt, from.orderOverride, checkIn, preDoseClearance, dosing, infusionEnd,
					discharge, nurseSignature, clinicianSignature, notes, vitals, alerts, sideEffects, cadssScores,
					adverseEvents, from.addenda, from.version + 1);
		}
	}
}
