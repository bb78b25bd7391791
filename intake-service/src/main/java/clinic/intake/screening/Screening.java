package clinic.intake.screening;

import java.time.Instant;
import java.util.UUID;

import clinic.instruments.Cssrs;
import clinic.instruments.Gad7;
import clinic.instruments.Pcl5;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.eligibility.Proposal;
import clinic.intake.patients.Indication;

/**
 * A completed intake screening with the rules' proposal. Stored once, never edited. GAD-7, PCL-5 and the C-SSRS
 * screener are optional (null when not given). {@code urgent}: a suicide-risk flag (PHQ-9 item 9 above 0 or a
 * C-SSRS high-risk screen) puts the screening first in line for a clinician. {@code history}: the clinical history
 * the rules read; {@code indication}: the referral's indication the rules read (null when unknown).
 */
public record Screening(UUID id, UUID patientId, Phq9 phq9, Gad7 gad7, Pcl5 pcl5, Cssrs cssrs, boolean urgent,
		Vitals vitals, ClinicalHistory history, Indication indication, String notes, Proposal proposal,
		String screenedBy, Instant screenedAt) {

	/** Whether these answers make a screening urgent. */
	public static boolean urgent(Phq9 phq9, Cssrs cssrs) {
		return phq9.suicideRiskFlag() || (cssrs != null && cssrs.highRisk());
	}
}
