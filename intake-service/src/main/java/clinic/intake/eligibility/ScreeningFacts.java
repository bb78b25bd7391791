package clinic.intake.eligibility;

import clinic.intake.screening.Cssrs;
import clinic.intake.screening.Phq9;
import clinic.intake.screening.Vitals;

/** The answers the rules read. The C-SSRS screener is optional (null when not given). */
public record ScreeningFacts(int ageYears, Phq9 phq9, Cssrs cssrs, Vitals vitals) {

	public ScreeningFacts(int ageYears, Phq9 phq9, Vitals vitals) {
		this(ageYears, phq9, null, vitals);
	}
}
