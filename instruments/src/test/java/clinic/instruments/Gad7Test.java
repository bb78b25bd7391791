package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Gad7Test {

	private static List<Integer> answersTotalling(int total) {
		var answers = new ArrayList<>(Arrays.asList(0, 0, 0, 0, 0, 0, 0));
		for (int i = 0; i < 7 && total > 0; i++) {
			int value = Math.min(3, total);
			answers.set(i, value);
			total -= value;
		}
		return answers;
	}

	@ParameterizedTest(name = "total {0} is {1}, warrants evaluation {2}")
	@CsvSource({ "0, MINIMAL, false", "4, MINIMAL, false", "5, MILD, false", "9, MILD, false",
			"10, MODERATE, true", "14, MODERATE, true", "15, SEVERE, true", "21, SEVERE, true" })
	void givenATotalWhenScoredThenTheBandAndEvaluationCutOffAreAsPublished(int total, Gad7.Band band,
			boolean warrantsEvaluation) {
		var gad7 = Gad7.score(answersTotalling(total), "gad7");
		assertThat(gad7.total()).isEqualTo(total);
		assertThat(gad7.band()).isEqualTo(band);
		assertThat(gad7.warrantsEvaluation()).isEqualTo(warrantsEvaluation);
	}

	@Test
	void givenAWorkedExampleWhenScoredThenTotalIsTheSumOfItems() {
		var gad7 = Gad7.score(List.of(2, 1, 2, 1, 0, 3, 2), "gad7");
		assertThat(gad7.total()).isEqualTo(11);
		assertThat(gad7.band()).isEqualTo(Gad7.Band.MODERATE);
		assertThat(gad7.warrantsEvaluation()).isTrue();
		assertThat(gad7.items()).containsExactly(2, 1, 2, 1, 0, 3, 2);
	}

	@Test
	void givenPartialAnswersWhenScoredThenRejected() {
		assertThatThrownBy(() -> Gad7.score(List.of(1, 2, 3, 0, 0, 0), "gad7"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("gad7");
				assertThat(e.getMessage()).contains("all 7 answers");
			});
		assertThatThrownBy(() -> Gad7.score(List.of(0, 0, 0, 0, 0, 0, 0, 0), "gad7"))
			.isInstanceOf(InvalidAnswerException.class);
	}

	@Test
	void givenAnAnswerOutOfRangeOrMissingWhenScoredThenTheItemIsNamed() {
		assertThatThrownBy(() -> Gad7.score(List.of(0, 0, 4, 0, 0, 0, 0), "gad7"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("gad7[2]");
				assertThat(e.getMessage()).contains("item 3");
			});
		assertThatThrownBy(() -> Gad7.score(List.of(0, 0, 0, 0, 0, 0, -1), "gad7"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("gad7[6]"));
		assertThatThrownBy(() -> Gad7.score(Arrays.asList(0, null, 0, 0, 0, 0, 0), "gad7"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("gad7[1]"));
	}
}
