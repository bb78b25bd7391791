package clinic.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pause before a retry doubles after each failed attempt, up to the maximum, less a random half at most. */
class WebhookSettingsTest {

	private final WebhookSettings settings = new WebhookSettings(true, Duration.ofSeconds(5), 50, 15,
			Duration.ofHours(24), Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30));

	@Test
	void givenNoJitterWhenAttemptsFailThenThePauseDoublesUpToTheMaximum() {
		assertThat(settings.backoff(1, 0.999999)).isEqualTo(Duration.ofMillis(9_999));
		assertThat(settings.backoff(2, 0.999999)).isEqualTo(Duration.ofMillis(19_999));
		assertThat(settings.backoff(3, 0.999999)).isEqualTo(Duration.ofMillis(39_999));
		assertThat(settings.backoff(9, 0.999999)).isEqualTo(Duration.ofMillis(2_559_998));
		assertThat(settings.backoff(60, 0.999999)).isEqualTo(Duration.ofMillis(3_599_998));
	}

	@Test
	void givenJitterThenThePauseIsBetweenHalfAndAllOfIt() {
		assertThat(settings.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(15));
		assertThat(settings.backoff(20, 0.0)).isEqualTo(Duration.ofMinutes(30));
	}
}
