package clinic.intake.review;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;

/**
 * Which adverse-event grades flag the patient for clinician review ({@code clinic.intake.review.flag-grades},
 * default SEVERE, SERIOUS). A serious adverse event always flags the patient: a setting without SERIOUS (or none) is
 * refused at start-up.
 */
@Validated
@ConfigurationProperties("clinic.intake.review")
public record ReviewFlagSettings(Set<AdverseEventGrade> flagGrades) {

	/** None given is none at all (then refused); the grades given, immutable. */
	public ReviewFlagSettings {
		flagGrades = flagGrades == null || flagGrades.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flagGrades));
	}

	@AssertTrue(message = "clinic.intake.review.flag-grades must include SERIOUS: a serious adverse event always flags "
			+ "the patient")
	public boolean isSeriousFlagged() {
		return flagGrades.contains(AdverseEventGrade.SERIOUS);
	}

	/** Whether an adverse event of this grade flags the patient for review (others are only recorded). */
	public boolean flagsReview(AdverseEventGrade grade) {
		return flagGrades.contains(grade);
	}
}
