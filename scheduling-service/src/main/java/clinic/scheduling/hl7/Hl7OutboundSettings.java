package clinic.scheduling.hl7;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Outbound HL7 v2 SIU over MLLP ({@code clinic.scheduling.hl7.outbound} in application.yml).
 *
 * @param host the receiver's host; none (the default) leaves outbound HL7 off: nothing is written or sent
 * @param port the receiver's MLLP port
 * @param sendingApplication MSH-3
 * @param sendingFacility MSH-4
 * @param receivingApplication MSH-5
 * @param receivingFacility MSH-6
 * @param connectTimeout how long a connection may take to open
 * @param readTimeout how long the receiver may take to answer a message with its ACK
 * @param maxAttempts attempts before a message becomes a dead letter (FAILED)
 * @param firstRetry the wait before the second attempt; each later wait doubles, up to {@code maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param pollInterval how often the sender looks for messages due
 */
@Validated
@ConfigurationProperties("clinic.scheduling.hl7.outbound")
public record Hl7OutboundSettings(@Nullable String host, @Nullable @Min(1) @Max(65535) Integer port,
		@NotBlank String sendingApplication, @NotBlank String sendingFacility, @NotBlank String receivingApplication,
		@NotBlank String receivingFacility, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
		@Min(1) int maxAttempts, @NotNull Duration firstRetry, @NotNull Duration maxRetry,
		@NotNull Duration pollInterval) {

	/** On when a host is set; then a port must be too. */
	public boolean enabled() {
		return host != null && !host.isBlank();
	}

	@AssertTrue(message = "clinic.scheduling.hl7.outbound.port is needed when a host is set")
	public boolean isPortGivenWithHost() {
		return !enabled() || port != null;
	}

	@AssertTrue(message = "timeouts, retry waits and the poll interval must be positive, first-retry at most max-retry")
	public boolean isPositive() {
		return positive(connectTimeout) && positive(readTimeout) && positive(firstRetry) && positive(maxRetry)
				&& positive(pollInterval) && firstRetry.compareTo(maxRetry) <= 0;
	}

	private static boolean positive(@Nullable Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	/** The wait after the {@code attempts}-th failed attempt: first-retry, doubling, at most max-retry. */
	Duration backoffAfter(int attempts) {
		var wait = firstRetry;
		for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
	}
}
