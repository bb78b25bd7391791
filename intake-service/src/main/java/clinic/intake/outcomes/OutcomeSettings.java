package clinic.intake.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Clinic settings for outcome tracking (DOMAIN.md defaults in application.yml under {@code clinic.intake.outcomes}):
 * PHQ-9 remission is a latest total below {@code phq9RemissionBelow} (default 5); futility is flagged for clinician
 * review after {@code futilityAfterInfusions} session scores since baseline without a response (default 3).
 */
@ConfigurationProperties("clinic.intake.outcomes")
public record OutcomeSettings(int phq9RemissionBelow, int futilityAfterInfusions) {

	public OutcomeSettings {
		if (phq9RemissionBelow < 1 || phq9RemissionBelow > 27) {
			throw new IllegalArgumentException(
					"clinic.intake.outcomes.phq9-remission-below must be 1 to 27, got " + phq9RemissionBelow);
		}
		if (futilityAfterInfusions < 1) {
			throw new IllegalArgumentException(
					"clinic.intake.outcomes.futility-after-infusions must be at least 1, got " + futilityAfterInfusions);
		}
	}
}
