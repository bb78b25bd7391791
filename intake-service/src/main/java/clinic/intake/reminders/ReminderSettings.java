package clinic.intake.reminders;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When reminders go and how they are sent ({@code clinic.intake.reminders.*}, docs/clinical-rules.md): an
 * appointment's reminder is due {@code leadTime} before its start; the sender looks for due reminders every
 * {@code pollInterval}, {@code batchSize} at a time, tries a failed channel {@code maxAttempts} times in all with
 * pauses growing from {@code retryBackoff}, and takes over a claim older than {@code claimTimeout} (a sender that
 * died), never sending again what it may have sent.
 */
@ConfigurationProperties("clinic.intake.reminders")
public record ReminderSettings(Duration leadTime, Duration pollInterval, int batchSize, int maxAttempts,
		Duration retryBackoff, Duration claimTimeout, Email email, Sms sms) {

	public ReminderSettings {
		if (leadTime.isNegative()) {
			throw new IllegalArgumentException("clinic.intake.reminders.lead-time must not be negative: " + leadTime);
		}
		if (batchSize < 1 || maxAttempts < 1) {
			throw new IllegalArgumentException(
					"clinic.intake.reminders.batch-size and max-attempts must be at least 1");
		}
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
