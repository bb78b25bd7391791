package clinic.intake.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Intake's PCL-5 cut-off setting (the scoring itself is clinic.instruments.Pcl5, tested there). */
class ScreeningSettingsTest {

	private static final int DEFAULT_CUTOFF = new ScreeningSettings(33).pcl5ProbablePtsdFrom();

	@Test
	void givenTheDefaultSettingsThenTheCutOffIs33() {
		assertThat(DEFAULT_CUTOFF).isEqualTo(33);
	}

	@Test
	void givenACutOffOutsideTheScaleThenTheSettingIsRejected() {
		assertThatThrownBy(() -> new ScreeningSettings(81)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ScreeningSettings(-1)).isInstanceOf(IllegalArgumentException.class);
	}
}
