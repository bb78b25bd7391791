package clinic.intake.eligibility;

import java.time.Instant;

/** One version of the rule thresholds: who set them, when and why. Versions are only ever added. */
public record RuleSettingsVersion(int version, EligibilitySettings settings, String changedBy, Instant changedAt,
		String reason) {
}
