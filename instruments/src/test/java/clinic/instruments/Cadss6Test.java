package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Cadss6Test {

	@Test
	void givenAWorkedExampleWhenScoredThenTotalIsTheSumOfItems() {
		var cadss = Cadss6.score(List.of(1, 2, 0, 1, 0, 2), "items");
		assertThat(cadss.total()).isEqualTo(6);
		assertThat(cadss.items()).containsExactly(1, 2, 0, 1, 0, 2);
	}

	@Test
	void givenTheLowestAndHighestAnswersWhenScoredThenTheTotalSpans0To24() {
		assertThat(Cadss6.score(Collections.nCopies(6, 0), "items").total()).isZero();
		assertThat(Cadss6.score(Collections.nCopies(6, 4), "items").total()).isEqualTo(24)
			.isEqualTo(Cadss6.MAX_TOTAL);
	}

	@ParameterizedTest(name = "{0} answers are rejected")
	@ValueSource(ints = { 0, 5, 7 })
	void givenAnythingButSixAnswersWhenScoredThenTheAnswerSetIsNamed(int count) {
		assertThatThrownBy(() -> Cadss6.score(Collections.nCopies(count, 1), "items"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("items");
				assertThat(e.item()).isEmpty();
				assertThat(e.instrument()).isEqualTo("CADSS-6");
				assertThat(e.getMessage()).contains("all 6 answers");
			});
		assertThatThrownBy(() -> Cadss6.score(null, "items"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("items"));
	}

	@Test
	void givenAnAnswerOutOfRangeOrMissingWhenScoredThenTheItemIsNamed() {
		assertThatThrownBy(() -> Cadss6.score(List.of(0, 0, 5, 0, 0, 0), "items"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("items[2]");
				assertThat(e.item()).hasValue(3);
				assertThat(e.getMessage()).contains("item 3").contains("0 to 4");
			});
		assertThatThrownBy(() -> Cadss6.score(List.of(0, 0, 0, 0, 0, -1), "items"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("items[5]"));
		assertThatThrownBy(() -> Cadss6.score(Arrays.asList(0, null, 0, 0, 0, 0), "items"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("items[1]"));
	}

	@Test
	void givenTheCallersListChangesAfterScoringThenTheScoreDoesNot() {
		var answers = new ArrayList<>(List.of(1, 1, 1, 1, 1, 1));
		var cadss = Cadss6.score(answers, "items");
		answers.set(0, 4);
		assertThat(cadss.items()).containsExactly(1, 1, 1, 1, 1, 1);
		assertThat(cadss.total()).isEqualTo(6);
	}
}
