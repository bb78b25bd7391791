package clinic.session.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.InvalidInputException;

class MonitoringThresholdsTest {

	private static final Duration TEN = Duration.ofMinutes(10);

	private static final Duration FIFTEEN = Duration.ofMinutes(15);

	/** DOMAIN.md: SBP > 180 or DBP > 110, SpO2 < 92 %, HR > 120. */
	private static final MonitoringSettings DEFAULTS = new MonitoringSettings(180, 110, 120, 92, TEN, FIFTEEN);

	private static final MonitoringThresholds THRESHOLDS = new MonitoringThresholds(DEFAULTS);

	private static VitalSigns signs(int systolic, int diastolic, int heartRate, int spo2) {
		return new VitalSigns(systolic, diastolic, heartRate, spo2, 14);
	}

	@Test
	void givenCalmVitalsWhenCheckedThenNoBreach() {
		assertThat(THRESHOLDS.breaches(signs(125, 80, 72, 98))).isEmpty();
	}

	@Test
	void givenEveryValueExactlyAtItsLimitWhenCheckedThenNoBreach() {
		assertThat(THRESHOLDS.breaches(signs(180, 110, 120, 92))).isEmpty();
	}

	@Test
	void givenSystolicJustAboveTheLimitWhenCheckedThenASystolicBreach() {
		assertThat(THRESHOLDS.breaches(signs(181, 80, 72, 98))).singleElement().satisfies(breach -> {
			assertThat(breach.vital()).isEqualTo(VitalSign.SYSTOLIC);
			assertThat(breach.value()).isEqualTo(181);
			assertThat(breach.limit()).isEqualTo(180);
		});
	}

	@Test
	void givenDiastolicJustAboveTheLimitWhenCheckedThenADiastolicBreach() {
		assertThat(THRESHOLDS.breaches(signs(170, 111, 72, 98))).extracting(Breach::vital)
			.containsExactly(VitalSign.DIASTOLIC);
	}

	@Test
	void givenHeartRateJustAboveTheLimitWhenCheckedThenAHeartRateBreach() {
		assertThat(THRESHOLDS.breaches(signs(125, 80, 121, 98))).extracting(Breach::vital)
			.containsExactly(VitalSign.HEART_RATE);
	}

	@Test
	void givenSpo2JustBelowTheLimitWhenCheckedThenAnSpo2Breach() {
		assertThat(THRESHOLDS.breaches(signs(125, 80, 72, 91))).singleElement().satisfies(breach -> {
			assertThat(breach.vital()).isEqualTo(VitalSign.SPO2);
			assertThat(breach.value()).isEqualTo(91);
			assertThat(breach.limit()).isEqualTo(92);
			assertThat(breach.description()).contains("91").contains("92");
		});
	}

	@Test
	void givenEveryValueJustBeyondItsLimitWhenCheckedThenEveryBreachIsListed() {
		assertThat(THRESHOLDS.breaches(signs(181, 111, 121, 91))).extracting(Breach::vital)
			.containsExactly(VitalSign.SYSTOLIC, VitalSign.DIASTOLIC, VitalSign.HEART_RATE, VitalSign.SPO2);
	}

	@Test
	void givenAnAdministratorLowersTheSystolicLimitWhenCheckedThenTheNewLimitApplies() {
		var stricter = new MonitoringThresholds(new MonitoringSettings(160, 110, 120, 92, TEN, FIFTEEN));
		assertThat(THRESHOLDS.breaches(signs(165, 80, 72, 98))).isEmpty();
		assertThat(stricter.breaches(signs(165, 80, 72, 98))).extracting(Breach::limit).containsExactly(160);
	}

	@Test
	void givenDiastolicNotBelowSystolicWhenMeasuredThenRefusedNamingTheDiastolic() {
		assertThatThrownBy(() -> signs(90, 90, 72, 98)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.field()).isEqualTo("diastolic"));
	}
}
