package clinic.session.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.session.discharge.DischargeChecklist;
import clinic.session.discharge.OpenCriterion;
import clinic.session.doseplans.DosePlan;
import clinic.session.dosing.DoseLimits;
import clinic.session.dosing.Dosing;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.Cadss6;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.ReadingSlot;
import clinic.session.monitoring.SideEffect;
import clinic.session.monitoring.VitalsReading;
import clinic.session.path.CourseOrderOverride;
import clinic.session.records.Addendum;
import clinic.session.records.AdverseEvent;
import clinic.session.records.CheckIn;
import clinic.session.records.InfusionEnd;
import clinic.session.records.PreDoseClearance;
import clinic.session.records.SessionChart;
import clinic.session.records.SessionStatus;
import clinic.session.records.Signature;

/**
 * A session record as the API shows it: the chart so far, what is due ({@code readings}), whether dosing waits for
 * a clinician ({@code awaitingBpConfirmation}), the discharge criteria still open; the decision it was opened under
 * and a clinician's override of the course order when one let it go ahead; the dosing settings the dose is
 * checked against ({@code doseLimits}, for the chart's dose calculator; the mg/kg range is the plan's).
 * {@code doseMg}, {@code phq9Total}, {@code notes}, {@code completedBy} and {@code completedAt} stay where the first
 * version of the API had them.
 */
record RecordView(UUID id, UUID appointmentId, UUID patientId, String patientName, SessionStatus status, Phase phase,
		Instant asOf, DosePlan dosePlan, UUID decisionId, String openedBy, Instant openedAt,
		CourseOrderOverride courseOrderOverride, CheckInView checkIn,
		boolean awaitingBpConfirmation, PreDoseClearance preDoseClearance, Dosing dosing, InfusionEnd infusionEnd,
		List<VitalsReading> vitals, List<ReadingSlot> readings, List<Alert> alerts, List<SideEffect> sideEffects,
		List<CadssView> cadssScores, List<AdverseEvent> adverseEvents, DischargeChecklist discharge,
		List<OpenCriterion> openDischargeCriteria, Signature nurseSignature, Signature clinicianSignature,
		List<Addendum> addenda, BigDecimal doseMg, Integer phq9Total, String notes, String completedBy,
		Instant completedAt, long version, DoseLimits doseLimits) {

	record CheckInView(boolean identityConfirmed, boolean escortConfirmed, String escortName, boolean fasting,
			String medicationChanges, List<Integer> phq9Items, Integer phq9Total, boolean phq9SuicideRiskFlag,
			String checkedInBy, Instant checkedInAt) {

		static CheckInView of(CheckIn c) {
			if (c == null) {
				return null;
			}
			var phq9 = c.phq9();
			return new CheckInView(c.identityConfirmed(), c.escortConfirmed(), c.escortName(), c.fasting(),
					c.medicationChanges(), phq9 == null ? null : phq9.items(), phq9 == null ? null : phq9.total(),
					phq9 != null && phq9.suicideRiskFlag(), c.checkedInBy(), c.checkedInAt());
		}
	}

	record CadssView(List<Integer> items, int total, String recordedBy, Instant recordedAt) {

		static CadssView of(Cadss6 score) {
			return new CadssView(score.items(), score.total(), score.recordedBy(), score.recordedAt());
		}
	}

	static RecordView of(SessionChart chart) {
		var r = chart.record();
		var checkIn = CheckInView.of(r.checkIn());
		var completion = r.completion();
		return new RecordView(r.id(), r.appointmentId(), r.patientId(), r.patientName(), r.status(), chart.phase(),
				chart.asOf(), r.dosePlan(), r.decisionId(), r.openedBy(), r.openedAt(), r.orderOverride(), checkIn,
				chart.awaitingBpConfirmation(),
				r.preDoseClearance(), r.dosing(), r.infusionEnd(), r.vitals(), chart.readings(), r.alerts(),
				r.sideEffects(), r.cadssScores().stream().map(CadssView::of).toList(), r.adverseEvents(),
				r.discharge(), chart.openDischargeCriteria(), r.nurseSignature(), r.clinicianSignature(), r.addenda(),
				r.dosing() == null ? null : r.dosing().doseMg(), checkIn == null ? null : checkIn.phq9Total(),
				r.notes(), completion == null ? null : completion.signedBy(),
				completion == null ? null : completion.signedAt(), r.version(), chart.doseLimits());
	}
}
