package clinic.platform.webhooks;

import static clinic.contracts.test.SettingsBinding.bind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.PropertySource;

/**
 * The pause before a retry doubles after each failed attempt, up to the maximum, less a random half at most; the
 * platform's defaults bind, and a value that would break delivery is refused at binding, naming the property, as an
 * application refuses to start with it.
 */
class WebhookSettingsTest {

	private static final String PREFIX = "clinic.webhooks";

	private static final String DEFAULTS = "clinic-platform-defaults.properties";

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

	@Test
	void givenThePlatformDefaultsThenTheyBindToTheSettingsTheBackoffTestsUse() {
		assertThat(bind(WebhookSettings.class, PREFIX, Map.of(), DEFAULTS)).isEqualTo(
				new WebhookSettings(false, Duration.ofSeconds(5), 50, 15, Duration.ofHours(24), Duration.ofSeconds(10),
						Duration.ofHours(1), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)));
	}

	@Test
	void givenABadValueWhenAnApplicationStartsThenItFailsAsTheBindingTestsSay() {
		new ApplicationContextRunner().withUserConfiguration(WebhookSettingsAlone.class)
			.withPropertyValues("clinic.webhooks.batch-size=0")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("clinic.webhooks.batch-size")
				.hasMessageContaining("must be greater than or equal to 1"));
		new ApplicationContextRunner().withUserConfiguration(WebhookSettingsAlone.class)
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(WebhookSettings.class));
	}

	@EnableConfigurationProperties(WebhookSettings.class)
	@PropertySource("classpath:" + DEFAULTS)
	static class WebhookSettingsAlone {
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			batch-size        | 0    | clinic.webhooks.batch-size
			max-attempts      | 0    | clinic.webhooks.max-attempts
			dispatch-interval | 0s   | dispatch-interval, max-age, initial-backoff, max-backoff, connect-timeout, read-timeout and claim-timeout must be positive
			claim-timeout     | -30s | dispatch-interval, max-age, initial-backoff, max-backoff, connect-timeout, read-timeout and claim-timeout must be positive
			""")
	void givenAValueThatWouldBreakDeliveryThenBindingRefusesItNamingTheProperty(String property, String value,
			String named) {
		assertThatThrownBy(() -> bind(WebhookSettings.class, PREFIX, Map.of(property, value), DEFAULTS))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining(named);
	}
}
