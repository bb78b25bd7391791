package clinic.session.monitoring;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The clinic's monitoring settings (DOMAIN.md defaults in application.yml under {@code clinic.session.monitoring}):
 * a reading breaches when systolic or diastolic pressure or heart rate is above its limit, or SpO2 is below its
 * limit. Pressures in mmHg and heart rate per minute, each limit positive; SpO2 in percent, 1 to 100. Vitals are due
 * every {@code infusionInterval} during an infusion and every {@code recoveryInterval} in recovery, both positive.
 */
@Validated
@ConfigurationProperties("clinic.session.monitoring")
public record MonitoringSettings(@Positive int systolicAbove, @Positive int diastolicAbove,
		@Positive int heartRateAbove, @Positive @Max(100) int spo2Below, @NotNull Duration infusionInterval,
		@NotNull Duration recoveryInterval) {

	@AssertTrue(message = "clinic.session.monitoring.infusion-interval and recovery-interval must be positive durations")
	public boolean isIntervalsPositive() {
		return positive(infusionInterval) && positive(recoveryInterval);
	}

	/** Positive, or missing (then {@code @NotNull} says so). */
	private static boolean positive(@Nullable Duration duration) {
		return duration == null || !duration.isNegative() && !duration.isZero();
	}

	public Duration interval(Phase phase) {
		return phase == Phase.INFUSION ? infusionInterval : recoveryInterval;
	}
}
