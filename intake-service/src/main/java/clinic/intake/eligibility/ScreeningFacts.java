package clinic.intake.eligibility;

import java.time.LocalDate;

import clinic.instruments.Cssrs;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.patients.Indication;

/**
 * The answers the rules read. The C-SSRS screener is optional (null when not given); {@code indication} is the
 * referral's (null when unknown); {@code screenedOn} dates the abstinence period.
 */
public record ScreeningFacts(int ageYears, LocalDate screenedOn, Indication indication, Phq9 phq9, Cssrs cssrs,
		Vitals vitals, ClinicalHistory history) {

	public ScreeningFacts {
		history = history == null ? ClinicalHistory.NONE : history;
	}
}
