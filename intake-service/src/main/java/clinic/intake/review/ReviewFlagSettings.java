package clinic.intake.review;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which adverse-event grades flag the patient for clinician review ({@code clinic.intake.review.flag-grades},
 * default SEVERE, SERIOUS). A serious adverse event always flags the patient: a setting without SERIOUS is refused.
 */
@ConfigurationProperties("clinic.intake.review")
public record ReviewFlagSettings(Set<AdverseEventGrade> flagGrades) {

	public ReviewFlagSettings {
		if (flagGrades == null || !flagGrades.contains(AdverseEventGrade.SERIOUS)) {
			throw new IllegalArgumentException(
					"clinic.intake.review.flag-grades must include SERIOUS, got " + flagGrades);
		}
		flagGrades = Set.copyOf(EnumSet.copyOf(flagGrades));
	}

	/** Whether an adverse event of this grade flags the patient for review (others are only recorded). */
	public boolean flagsReview(AdverseEventGrade grade) {
		return flagGrades.contains(grade);
	}
}
