package clinic.intake.eligibility;

import clinic.platform.problems.InvalidInputException;

/**
 * The thresholds the eligibility rules read. They are versioned data ({@link RuleSettingsVersion}), seeded by
 * migration V4 with the DOMAIN.md defaults (180/100 absolute, 140/90 review, 12 months abstinence, age 18, 2 failed
 * adequate antidepressant trials) and changed by an administrator; never set in code or application.yml.
 * Uncontrolled hypertension is resting BP above the absolute limits; BP above the review limits needs review;
 * active substance use without {@code abstinenceMonths} of abstinence is declined; patients younger than
 * {@code minimumAgeYears} need review; treatment-resistant depression needs {@code requiredFailedTrials}.
 */
public record EligibilitySettings(int absoluteSystolicAbove, int absoluteDiastolicAbove, int reviewSystolicAbove,
		int reviewDiastolicAbove, int minimumAgeYears, int abstinenceMonths, int requiredFailedTrials) {

	/** These settings if the review limits are not above the absolute ones, naming the field otherwise. */
	public EligibilitySettings checked() {
		if (reviewSystolicAbove > absoluteSystolicAbove) {
			throw new InvalidInputException("reviewSystolicAbove", "The review systolic limit " + reviewSystolicAbove
					+ " must not be above the absolute limit " + absoluteSystolicAbove);
		}
		if (reviewDiastolicAbove > absoluteDiastolicAbove) {
			throw new InvalidInputException("reviewDiastolicAbove", "The review diastolic limit "
					+ reviewDiastolicAbove + " must not be above the absolute limit " + absoluteDiastolicAbove);
		}
		return this;
	}
}
