package clinic.session.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's monitoring thresholds (DOMAIN.md defaults in application.yml under
 * {@code clinic.session.monitoring}): a reading breaches when systolic or diastolic pressure or heart rate is
 * above its limit, or SpO2 is below its limit. Pressures in mmHg, heart rate per minute, SpO2 in percent.
 */
@ConfigurationProperties("clinic.session.monitoring")
public record MonitoringSettings(int systolicAbove, int diastolicAbove, int heartRateAbove, int spo2Below) {
}
