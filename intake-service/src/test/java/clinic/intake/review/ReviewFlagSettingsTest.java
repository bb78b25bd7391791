package clinic.intake.review;

import static clinic.contracts.test.SettingsBinding.bind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

class ReviewFlagSettingsTest {

	private static final String PREFIX = "clinic.intake.review";

	@Test
	void givenTheDefaultGradesThenSevereAndSeriousFlagAndMildAndModerateAreOnlyRecorded() {
		var settings = new ReviewFlagSettings(Set.of(AdverseEventGrade.SEVERE, AdverseEventGrade.SERIOUS));

		assertThat(settings.flagsReview(AdverseEventGrade.MILD)).isFalse();
		assertThat(settings.flagsReview(AdverseEventGrade.MODERATE)).isFalse();
		assertThat(settings.flagsReview(AdverseEventGrade.SEVERE)).isTrue();
		assertThat(settings.flagsReview(AdverseEventGrade.SERIOUS)).isTrue();
		assertThat(bind(ReviewFlagSettings.class, PREFIX, Map.of(), "application.yml")).isEqualTo(settings);
	}

	@Test
	void givenAClinicThatAlsoFlagsModerateThenModerateFlags() {
		var settings = new ReviewFlagSettings(
				Set.of(AdverseEventGrade.MODERATE, AdverseEventGrade.SEVERE, AdverseEventGrade.SERIOUS));

		assertThat(settings.flagsReview(AdverseEventGrade.MODERATE)).isTrue();
		assertThat(settings.flagsReview(AdverseEventGrade.MILD)).isFalse();
		assertThat(bind(ReviewFlagSettings.class, PREFIX, Map.of("flag-grades", "MODERATE,SEVERE,SERIOUS")))
			.isEqualTo(settings);
	}

	@Test
	void givenGradesWithoutSeriousOrNoneThenTheSettingIsRefused() {
		assertThatThrownBy(() -> bind(ReviewFlagSettings.class, PREFIX, Map.of("flag-grades", "SEVERE")))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining("clinic.intake.review.flag-grades must include SERIOUS");
		assertThatThrownBy(() -> bind(ReviewFlagSettings.class, PREFIX, Map.of("flag-grades", "")))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining("clinic.intake.review.flag-grades must include SERIOUS");
		assertThatThrownBy(() -> bind(ReviewFlagSettings.class, PREFIX, Map.of()))
			.isInstanceOf(BindException.class)
			.cause()
			.hasMessageContaining("clinic.intake.review.flag-grades must include SERIOUS");
	}
}
