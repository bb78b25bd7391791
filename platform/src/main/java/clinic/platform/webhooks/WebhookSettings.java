package clinic.platform.webhooks;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How deliveries are sent and retried ({@code clinic.webhooks.*}, docs/clinical-rules.md section 7). A delivery is
 * tried at most {@code maxAttempts} times and for at most {@code maxAge} since it became pending; the n-th retry waits
 * {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, of which a random half is taken off (jitter, so that
 * a receiver coming back is not hit by every delivery at once). A claimed delivery whose sender died is sent again
 * after {@code claimTimeout}. Every duration is positive and every count at least 1: the service refuses to start
 * otherwise (a zero dispatch interval would poll without pause, the HTTP client takes no timeout of zero, and a
 * claim's lease, connect-timeout + read-timeout + claim-timeout, needs its margin or another replica may send a
 * delivery still in flight).
 */
@Validated
@ConfigurationProperties("clinic.webhooks")
public record WebhookSettings(boolean enabled, @NotNull Duration dispatchInterval, @Min(1) int batchSize,
		@Min(1) int maxAttempts, @NotNull Duration maxAge, @NotNull Duration initialBackoff,
		@NotNull Duration maxBackoff, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@NotNull Duration claimTimeout) {

	@AssertTrue(message = "clinic.webhooks: dispatch-interval, max-age, initial-backoff, max-backoff, connect-timeout, "
			+ "read-timeout and claim-timeout must be positive")
	public boolean isEveryDurationPositive() {
		return positive(dispatchInterval) && positive(maxAge) && positive(initialBackoff) && positive(maxBackoff)
				&& positive(connectTimeout) && positive(readTimeout) && positive(claimTimeout);
	}

	/** Positive, or missing (then {@code @NotNull} says so). */
	private static boolean positive(@Nullable Duration duration) {
		return duration == null || !duration.isNegative() && !duration.isZero();
	}

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
