package clinic.intake.eligibility;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Clinic settings the eligibility rules read (DOMAIN.md defaults in application.yml under
 * {@code clinic.intake.rules}): uncontrolled hypertension is resting BP above the absolute limits; BP above the
 * review limits at screening needs a clinician's review; patients younger than the minimum age need review.
 */
@ConfigurationProperties("clinic.intake.rules")
public record EligibilitySettings(int absoluteSystolicAbove, int absoluteDiastolicAbove, int reviewSystolicAbove,
		int reviewDiastolicAbove, int minimumAgeYears) {
}
