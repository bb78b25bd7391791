package clinic.intake.outcomes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import clinic.instruments.Phq9;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Clinic settings for outcome tracking (DOMAIN.md defaults in application.yml under {@code clinic.intake.outcomes}):
 * PHQ-9 remission is a latest total below {@code phq9RemissionBelow} (default 5, 1 to 27, the scale's maximum);
 * futility is flagged for clinician review after {@code futilityAfterInfusions} session scores since baseline without
 * a response (default 3, at least 1).
 */
@Validated
@ConfigurationProperties("clinic.intake.outcomes")
public record OutcomeSettings(@Min(1) @Max(Phq9.MAX_TOTAL) int phq9RemissionBelow,
		@Min(1) int futilityAfterInfusions) {
}
