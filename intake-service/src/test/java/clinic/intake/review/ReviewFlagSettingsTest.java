package clinic.intake.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ReviewFlagSettingsTest {

	@Test
	void givenTheDefaultGradesThenSevereAndSeriousFlagAndMildAndModerateAreOnlyRecorded() {
		var settings = new ReviewFlagSettings(Set.of(AdverseEventGrade.SEVERE, AdverseEventGrade.SERIOUS));

		assertThat(settings.flagsReview(AdverseEventGrade.MILD)).isFalse();
		assertThat(settings.flagsReview(AdverseEventGrade.MODERATE)).isFalse();
		assertThat(settings.flagsReview(AdverseEventGrade.SEVERE)).isTrue();
		assertThat(settings.flagsReview(AdverseEventGrade.SERIOUS)).isTrue();
	}

	@Test
	void givenAClinicThatAlsoFlagsModerateThenModerateFlags() {
		var settings = new ReviewFlagSettings(
				Set.of(AdverseEventGrade.MODERATE, AdverseEventGrade.SEVERE, AdverseEventGrade.SERIOUS));

		assertThat(settings.flagsReview(AdverseEventGrade.MODERATE)).isTrue();
		assertThat(settings.flagsReview(AdverseEventGrade.MILD)).isFalse();
	}

	@Test
	void givenGradesWithoutSeriousOrNoneThenTheSettingIsRefused() {
		assertThatThrownBy(() -> new ReviewFlagSettings(Set.of(AdverseEventGrade.SEVERE)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("flag-grades");
		assertThatThrownBy(() -> new ReviewFlagSettings(Set.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ReviewFlagSettings(null)).isInstanceOf(IllegalArgumentException.class);
	}
}
