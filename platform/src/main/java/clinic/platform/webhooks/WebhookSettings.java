package clinic.platform.webhooks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deliveries are sent and retried ({@code clinic.webhooks.*}, docs/clinical-rules.md section 7). A delivery is
 * tried at most {@code maxAttempts} times and for at most {@code maxAge} since it became pending; the n-th retry waits
 * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, of which a random half is taken off (jitter, so that
 * a receiver coming back is not hit by every delivery at once). A claimed delivery whose sender died is sent again
 * after {@code claimTimeout}.
 */
@ConfigurationProperties("clinic.webhooks")
public record WebhookSettings(boolean enabled, Duration dispatchInterval, int batchSize, int maxAttempts,
		Duration maxAge, Duration initialBackoff, Duration maxBackoff, Duration connectTimeout, Duration readTimeout,
		Duration claimTimeout) {

	/** The pause before the next attempt after {@code attempts} failed ones, jitter {@code random} in [0, 1). */
	Duration backoff(int attempts, double random) {
		var exponent = Math.min(Math.max(attempts - 1, 0), 30);
		var full = initialBackoff.multipliedBy(1L << exponent);
		if (full.compareTo(maxBackoff) > 0 || full.isNegative()) {
			full = maxBackoff;
		}
		var millis = full.toMillis();
		return Duration.ofMillis(millis / 2 + (long) (random * (millis - millis / 2)));
	}
}
