package clinic.intake.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import clinic.intake.outcomes.OutcomeScores.Source;

class OutcomeTrendTest {

	private static final OutcomeSettings DEFAULTS = new OutcomeSettings(5, 3);

	private static final UUID PATIENT = UUID.randomUUID();

	private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

	/** A screening baseline followed by session scores, one day apart. */
	private static List<OutcomeScore> series(String instrument, int baseline, int... sessions) {
		var scores = new ArrayList<OutcomeScore>();
		scores.add(new OutcomeScore(PATIENT, instrument, baseline, Source.SCREENING, UUID.randomUUID(), T0));
		for (int i = 0; i < sessions.length; i++) {
			scores.add(new OutcomeScore(PATIENT, instrument, sessions[i], Source.SESSION, UUID.randomUUID(),
					T0.plusSeconds(86_400L * (i + 1))));
		}
		return scores;
	}

	private static OutcomeTrend phq9(int baseline, int... sessions) {
		return OutcomeTrend.of(OutcomeScores.PHQ9, series(OutcomeScores.PHQ9, baseline, sessions), DEFAULTS);
	}

	@Test
	void givenAWorkedSeriesThenBaselineLatestAndChangeAreReadOffIt() {
		var trend = phq9(20, 16, 12);
		assertThat(trend.baseline()).isEqualTo(20);
		assertThat(trend.latest()).isEqualTo(12);
		assertThat(trend.change()).isEqualTo(-8);
		assertThat(trend.changePercent()).isEqualByComparingTo(new BigDecimal("-40.0"));
		assertThat(trend.points()).extracting(OutcomeTrend.Point::total).containsExactly(20, 16, 12);
		assertThat(trend.points()).extracting(OutcomeTrend.Point::source)
			.containsExactly(Source.SCREENING, Source.SESSION, Source.SESSION);
		assertThat(trend.infusionsSinceBaseline()).isEqualTo(2);
		assertThat(trend.response()).isFalse();
	}

	@Test
	void givenExactlyHalfTheBaselineThenResponse() {
		var trend = phq9(20, 10);
		assertThat(trend.response()).isTrue();
		assertThat(trend.changePercent()).isEqualByComparingTo(new BigDecimal("-50.0"));
	}

	@Test
	void givenJustAboveHalfTheBaselineThenNoResponse() {
		assertThat(phq9(20, 11).response()).isFalse();
		// odd baseline: 9.5 is half of 19, so 9 responds and 10 does not
		assertThat(phq9(19, 9).response()).isTrue();
		assertThat(phq9(19, 10).response()).isFalse();
	}

	@Test
	void givenALatestPhq9Of4ThenRemissionAnd5Not() {
		assertThat(phq9(18, 4).remission()).isTrue();
		assertThat(phq9(18, 5).remission()).isFalse();
	}

	@Test
	void givenAnotherInstrumentThenRemissionIsNotDefined() {
		var trend = OutcomeTrend.of(OutcomeScores.GAD7, series(OutcomeScores.GAD7, 12), DEFAULTS);
		assertThat(trend.remission()).isNull();
		assertThat(trend.baseline()).isEqualTo(12);
		assertThat(trend.latest()).isEqualTo(12);
		assertThat(trend.change()).isZero();
	}

	@Test
	void givenTwoInfusionsWithoutResponseThenNoFutilityYet() {
		var trend = phq9(20, 18, 15);
		assertThat(trend.infusionsSinceBaseline()).isEqualTo(2);
		assertThat(trend.futility()).isFalse();
	}

	@Test
	void givenThreeInfusionsWithoutResponseThenFutility() {
		var trend = phq9(20, 18, 15, 11);
		assertThat(trend.infusionsSinceBaseline()).isEqualTo(3);
		assertThat(trend.futility()).isTrue();
	}

	@Test
	void givenThreeInfusionsWithAResponseThenNoFutility() {
		assertThat(phq9(20, 18, 15, 10).futility()).isFalse();
		// a response reached earlier is not futility even if the latest score is above half the baseline
		assertThat(phq9(20, 9, 12, 11).futility()).isFalse();
	}

	@Test
	void givenAnAdministratorSetsFutilityAfterTwoInfusionsThenTwoAreEnough() {
		var trend = OutcomeTrend.of(OutcomeScores.PHQ9, series(OutcomeScores.PHQ9, 20, 18, 15),
				new OutcomeSettings(5, 2));
		assertThat(trend.futility()).isTrue();
	}

	@Test
	void givenNoScreeningBaselineThenOnlyTheLatestIsKnown() {
		var sessionOnly = List.of(new OutcomeScore(PATIENT, OutcomeScores.PHQ9, 3, Source.SESSION, UUID.randomUUID(), T0));
		var trend = OutcomeTrend.of(OutcomeScores.PHQ9, sessionOnly, DEFAULTS);
		assertThat(trend.baseline()).isNull();
		assertThat(trend.change()).isNull();
		assertThat(trend.latest()).isEqualTo(3);
		assertThat(trend.response()).isFalse();
		assertThat(trend.remission()).isTrue();
		assertThat(trend.futility()).isFalse();
	}

	@Test
	void givenNoScoresThenAnEmptySeries() {
		var trend = OutcomeTrend.of(OutcomeScores.PHQ9, List.of(), DEFAULTS);
		assertThat(trend.points()).isEmpty();
		assertThat(trend.latest()).isNull();
		assertThat(trend.remission()).isFalse();
	}

	@Test
	void givenABaselineOfZeroThenNoResponseAndNoPercent() {
		var trend = phq9(0, 0);
		assertThat(trend.response()).isFalse();
		assertThat(trend.changePercent()).isNull();
	}
}
