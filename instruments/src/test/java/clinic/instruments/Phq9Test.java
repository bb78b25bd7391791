package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Phq9Test {

	/** Answers summing to the total, filling items 1–8 first so item 9 stays 0. */
	private static List<Integer> answersTotalling(int total) {
		var answers = new ArrayList<>(Arrays.asList(0, 0, 0, 0, 0, 0, 0, 0, 0));
		for (int i = 0; i < 9 && total > 0; i++) {
			int value = Math.min(3, total);
			answers.set(i, value);
			total -= value;
		}
		return answers;
	}

	@ParameterizedTest(name = "total {0} is {1}")
	@CsvSource({ "0, MINIMAL", "4, MINIMAL", "5, MILD", "9, MILD", "10, MODERATE", "14, MODERATE",
			"15, MODERATELY_SEVERE", "19, MODERATELY_SEVERE", "20, SEVERE", "27, SEVERE" })
	void givenATotalWhenScoredThenTheBandIsAsPublished(int total, Phq9.Band band) {
		var phq9 = Phq9.score(answersTotalling(total), "phq9");
		assertThat(phq9.total()).isEqualTo(total);
		assertThat(phq9.band()).isEqualTo(band);
	}

	@Test
	void givenItem9AboveZeroWhenScoredThenSuicideRiskIsFlagged() {
		assertThat(Phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1), "phq9").suicideRiskFlag()).isTrue();
		assertThat(Phq9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0), "phq9").suicideRiskFlag()).isFalse();
	}

	@Test
	void givenAWorkedExampleWhenScoredThenTotalIsTheSumOfItems() {
		var phq9 = Phq9.score(List.of(2, 2, 1, 3, 1, 2, 1, 0, 1), "phq9");
		assertThat(phq9.total()).isEqualTo(13);
		assertThat(phq9.band()).isEqualTo(Phq9.Band.MODERATE);
		assertThat(phq9.suicideRiskFlag()).isTrue();
	}

	@Test
	void givenPartialAnswersWhenScoredThenRejected() {
		assertThatThrownBy(() -> Phq9.score(List.of(1, 2, 3), "phq9")).isInstanceOf(InvalidAnswerException.class)
			.hasMessageContaining("all 9 answers");
	}

	@Test
	void givenAnAnswerOutOfRangeWhenScoredThenTheItemIsNamed() {
		assertThatThrownBy(() -> Phq9.score(List.of(0, 0, 0, 4, 0, 0, 0, 0, 0), "phq9"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("phq9[3]");
				assertThat(e.getMessage()).contains("item 4");
			});
	}
}
