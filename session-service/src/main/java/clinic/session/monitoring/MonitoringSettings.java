package clinic.session.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's monitoring settings (DOMAIN.md defaults in application.yml under {@code clinic.session.monitoring}):
 * a reading breaches when systolic or diastolic pressure or heart rate is above its limit, or SpO2 is below its
 * limit. Pressures in mmHg, heart rate per minute, SpO2 in percent. Vitals are due every {@code infusionInterval}
 * during an infusion and every {@code recoveryInterval} in recovery.
 */
@ConfigurationProperties("clinic.session.monitoring")
public record MonitoringSettings(int systolicAbove, int diastolicAbove, int heartRateAbove, int spo2Below,
		Duration infusionInterval, Duration recoveryInterval) {

	public MonitoringSettings {
		if (infusionInterval == null || infusionInterval.isNegative() || infusionInterval.isZero()
				|| recoveryInterval == null || recoveryInterval.isNegative() || recoveryInterval.isZero()) {
			throw new IllegalArgumentException(
					"clinic.session.monitoring.infusion-interval and recovery-interval must be positive durations");
		}
	}

	public Duration interval(Phase phase) {
		return phase == Phase.INFUSION ? infusionInterval : recoveryInterval;
	}
}
