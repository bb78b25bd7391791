package clinic.session.dosing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import clinic.platform.problems.ConflictException;
import clinic.platform.problems.InvalidInputException;
import clinic.session.doseplans.DosePlan;
import clinic.session.doseplans.Route;

/**
 * Dose maths on worked examples, with plans signed within DOMAIN.md's range 0.1–1.0 mg/kg, a 5 % allowed deviation
 * and IV infusions of 35–60 min.
 */
class DoseCalculatorTest {

	private static final DosingSettings DEFAULTS = new DosingSettings(new BigDecimal("5"),
			new DosingSettings.IvInfusion(Duration.ofMinutes(35), Duration.ofMinutes(60)), 140, 90);

	private static final DoseCalculator CALCULATOR = new DoseCalculator(DEFAULTS);

	private static DosePlan iv(String mgPerKg) {
		return new DosePlan(Route.IV, new BigDecimal(mgPerKg), new BigDecimal("0.1"), new BigDecimal("1.0"));
	}

	private static BigDecimal d(String value) {
		return new BigDecimal(value);
	}

	@Test
	void givenTheDefaultPlanAndA70KgPatientThenThePlannedDoseIs35Mg() {
		assertThat(CALCULATOR.planned(iv("0.5"), d("70"))).isEqualByComparingTo("35.00");
	}

	@Test
	void givenWorkedExamplesThenMgPerKgTimesWeightRoundedHalfUpToTheHundredthOfAMg() {
		assertThat(CALCULATOR.planned(iv("0.5"), d("68.5"))).isEqualByComparingTo("34.25");
		assertThat(CALCULATOR.planned(iv("0.75"), d("82.4"))).isEqualByComparingTo("61.80");
		assertThat(CALCULATOR.planned(iv("0.45"), d("71.3"))).isEqualByComparingTo("32.09"); // 32.085
		assertThat(CALCULATOR.planned(iv("0.1"), d("45"))).isEqualByComparingTo("4.50");
		assertThat(CALCULATOR.planned(iv("1.0"), d("120.25"))).isEqualByComparingTo("120.25");
	}

	@Test
	void givenNoDoseEnteredThenThePlannedDoseIsGiven() {
		assertThat(CALCULATOR.doseToGive(iv("0.5"), d("68.5"), null)).isEqualByComparingTo("34.25");
	}

	@Test
	void givenADoseWithinFivePercentOfThePlanThenItIsGiven() {
		assertThat(CALCULATOR.doseToGive(iv("0.5"), d("70"), d("36.75"))).isEqualByComparingTo("36.75");
		assertThat(CALCULATOR.doseToGive(iv("0.5"), d("70"), d("33.25"))).isEqualByComparingTo("33.25");
	}

	@Test
	void givenADoseBeyondTheAllowedDeviationThenRefusedNamingTheDoseAndThePlan() {
		assertThatThrownBy(() -> CALCULATOR.doseToGive(iv("0.5"), d("70"), d("36.76")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("doseMg");
				assertThat(e.getMessage()).contains("0.5 mg/kg × 70 kg = 35.00 mg").contains("33.25–36.75 mg");
			});
		assertThatThrownBy(() -> CALCULATOR.doseToGive(iv("0.5"), d("70"), d("70")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("doseMg"));
	}

	@Test
	void givenADoseAboveOneMgPerKgThenRefusedAsOutsideTheClinicLimitsEvenWithinTheDeviation() {
		// plan 1.0 mg/kg x 50 kg = 50 mg; 52 mg is within 5 % of it but 1.04 mg/kg
		assertThatThrownBy(() -> CALCULATOR.doseToGive(iv("1.0"), d("50"), d("52")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("doseMg");
				assertThat(e.getMessage()).contains("1.04 mg/kg").contains("outside the plan's range of 0.1–1 mg/kg");
			});
	}

	@Test
	void givenADoseBelowTheLowerLimitThenRefused() {
		assertThatThrownBy(() -> CALCULATOR.doseToGive(iv("0.1"), d("50"), d("4.9")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("doseMg"));
	}

	@Test
	void givenAPlanOutsideTheClinicLimitsThenNoDoseCanBeGivenUntilTheClinicianRevisesIt() {
		assertThatThrownBy(() -> CALCULATOR.doseToGive(iv("1.5"), d("70"), null)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("1.5 mg/kg is outside its range of 0.1–1 mg/kg");
	}

	@Test
	void givenNoDeviationAllowedThenOnlyThePlannedDoseIsAccepted() {
		var exact = new DoseCalculator(new DosingSettings(BigDecimal.ZERO, DEFAULTS.ivInfusion(), 140, 90));
		assertThat(exact.doseToGive(iv("0.5"), d("70"), d("35.00"))).isEqualByComparingTo("35");
		assertThatThrownBy(() -> exact.doseToGive(iv("0.5"), d("70"), d("35.01")))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void givenAPlanSignedWithANarrowerRangeThenThePlansRangeDecides() {
		var narrow = new DosePlan(Route.IV, d("0.6"), d("0.4"), d("0.6"));
		// 62 mg for 100 kg is within 5 % of the planned 60 mg and inside DOMAIN.md's 0.1-1.0, but 0.62 mg/kg is
		// outside the range signed with this plan
		assertThatThrownBy(() -> CALCULATOR.doseToGive(narrow, d("100"), d("62")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("doseMg");
				assertThat(e.getMessage()).contains("0.62 mg/kg, outside the plan's range of 0.4–0.6 mg/kg");
			});
		assertThat(CALCULATOR.doseToGive(narrow, d("100"), d("58"))).isEqualByComparingTo("58");
	}

	@Test
	void givenAPlanWithoutARangeThenNoDoseIsGivenByIt() {
		assertThatThrownBy(() -> CALCULATOR.doseToGive(new DosePlan(Route.IV, d("0.5"), null, null), d("70"), null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("carries no dose range");
	}

	@Test
	void givenTheIvRateThenTheInfusionMustRunThirtyFiveToSixtyMinutesAndTheRefusalSaysWhichRatesFit() {
		CALCULATOR.checkIvRate(d("35"), d("52.5")); // 40 min
		CALCULATOR.checkIvRate(d("35"), d("60")); // 35 min
		CALCULATOR.checkIvRate(d("35"), d("35")); // 60 min
		assertThatThrownBy(() -> CALCULATOR.checkIvRate(d("35"), d("2000")))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> {
				assertThat(e.field()).isEqualTo("infusionRateMgPerHour");
				assertThat(e.getMessage()).contains("35.00 mg at 2000 mg/h runs 1.1 min")
					.contains("35–60 min")
					.contains("set 35–60 mg/h");
			});
		assertThatThrownBy(() -> CALCULATOR.checkIvRate(d("35"), d("60.1")))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> CALCULATOR.checkIvRate(d("35"), d("34.9")))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void givenThePreDoseLimitThenAboveEitherPressureIsElevatedAndAtTheLimitIsNot() {
		var limits = new PreDoseLimits(DEFAULTS);
		assertThat(limits.elevated(140, 90)).isFalse();
		assertThat(limits.elevated(141, 80)).isTrue();
		assertThat(limits.elevated(130, 91)).isTrue();
	}
}
