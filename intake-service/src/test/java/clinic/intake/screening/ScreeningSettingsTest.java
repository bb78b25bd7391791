package clinic.intake.screening;

import static clinic.contracts.test.SettingsBinding.bind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/**
 * Intake's PCL-5 cut-off setting (the scoring itself is clinic.instruments.Pcl5, tested there), bound as the service
 * binds it at start-up: a cut-off outside the scale is refused then, naming the property.
 */
class ScreeningSettingsTest {

	private static final String PREFIX = "clinic.intake.screening";

	private static final int DEFAULT_CUTOFF = bind(ScreeningSettings.class, PREFIX, Map.of(), "application.yml")
		.pcl5ProbablePtsdFrom();

	@Test
	void givenTheDefaultSettingsThenTheCutOffIs33() {
		assertThat(DEFAULT_CUTOFF).isEqualTo(33);
	}

	@Test
	void givenACutOffOutsideTheScaleThenTheSettingIsRejected() {
		assertThatThrownBy(() -> bind(ScreeningSettings.class, PREFIX, Map.of("pcl5-probable-ptsd-from", "81")))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining("clinic.intake.screening.pcl5-probable-ptsd-from")
			.hasMessageContaining("must be less than or equal to 80");
		assertThatThrownBy(() -> bind(ScreeningSettings.class, PREFIX, Map.of("pcl5-probable-ptsd-from", "-1")))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining("clinic.intake.screening.pcl5-probable-ptsd-from")
			.hasMessageContaining("must be greater than or equal to 0");
	}
}
