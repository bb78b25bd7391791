package clinic.intake.reminders;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When reminders go and how they are sent ({@code clinic.intake.reminders.*}, docs/clinical-rules.md): an
 * appointment's reminder is due {@code leadTime} before its start; the sender looks for due reminders every
 * {@code pollInterval}, {@code batchSize} at a time, tries a failed channel {@code maxAttempts} times in all with
 * pauses growing from {@code retryBackoff}, and takes over a claim older than {@code claimTimeout} (a sender that
 * died), never sending again what it may have sent. The lead time and the backoff are at least 0, the poll interval
 * and the claim timeout positive, the batch size and the attempts at least 1.
 */
@Validated
@ConfigurationProperties("clinic.intake.reminders")
public record ReminderSettings(@NotNull Duration leadTime, @NotNull Duration pollInterval, @Min(1) int batchSize,
		@Min(1) int maxAttempts, @NotNull Duration retryBackoff, @NotNull Duration claimTimeout,
		@NotNull @Valid Email email, @NotNull @Valid Sms sms) {

	@AssertTrue(message = "clinic.intake.reminders.lead-time and retry-backoff must not be negative")
	public boolean isNotNegative() {
		return (leadTime == null || !leadTime.isNegative()) && (retryBackoff == null || !retryBackoff.isNegative());
	}

	@AssertTrue(message = "clinic.intake.reminders.poll-interval and claim-timeout must be positive")
	public boolean isPositive() {
		return positive(pollInterval) && positive(claimTimeout);
	}

	/** Positive, or missing (then {@code @NotNull} says so). */
	private static boolean positive(@Nullable Duration duration) {
		return duration == null || !duration.isNegative() && !duration.isZero();
	}

	/** {@code transport}: {@code smtp} (spring.mail.host/port) or {@code log} (nothing sent, a line logged). */
	public record Email(String transport, String from) {
	}

	/** {@code provider}: {@code log} or {@code twilio}. */
	public record Sms(String provider, Twilio twilio) {
	}

	/** Twilio's Messages API: the account, its auth token and the sending number (or messaging service sid). */
	public record Twilio(URI baseUri, String accountSid, String authToken, String from) {
	}

	/** The pause before the next try after {@code attempts} tries: the backoff doubled for each try after the first. */
	public Duration backoffAfter(int attempts) {
		return retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
	}
}
