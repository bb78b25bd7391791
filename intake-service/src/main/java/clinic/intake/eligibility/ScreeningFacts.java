package clinic.intake.eligibility;

import clinic.intake.screening.Phq9;
import clinic.intake.screening.Vitals;

/** The answers the rules read. */
public record ScreeningFacts(int ageYears, Phq9 phq9, Vitals vitals) {
}
