package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pcl5Test {

	/** DOMAIN.md's default cut-off (intake's clinic.intake.screening.pcl5-probable-ptsd-from). */
	private static final int DEFAULT_CUTOFF = 33;

	private static List<Integer> answersTotalling(int total) {
		var answers = new ArrayList<>(Collections.nCopies(20, 0));
		for (int i = 0; i < 20 && total > 0; i++) {
			int value = Math.min(4, total);
			answers.set(i, value);
			total -= value;
		}
		return answers;
	}

	@ParameterizedTest(name = "total {0} with cut-off {1}: probable PTSD {2}")
	@CsvSource({ "0, 33, false", "32, 33, false", "33, 33, true", "80, 33, true", "30, 31, false",
			"31, 31, true" })
	void givenATotalWhenScoredThenProbablePtsdFromTheClinicCutOff(int total, int cutoff, boolean probablePtsd) {
		var pcl5 = Pcl5.score(answersTotalling(total), cutoff, "pcl5");
		assertThat(pcl5.total()).isEqualTo(total);
		assertThat(pcl5.cutoff()).isEqualTo(cutoff);
		assertThat(pcl5.probablePtsd()).isEqualTo(probablePtsd);
	}

	@Test
	void givenAWorkedExampleWhenScoredThenTotalIsTheSumOfItems() {
		var answers = List.of(2, 3, 1, 2, 2, 3, 1, 0, 2, 1, 2, 2, 1, 3, 2, 1, 2, 2, 1, 1);
		var pcl5 = Pcl5.score(answers, DEFAULT_CUTOFF, "pcl5");
		assertThat(pcl5.total()).isEqualTo(34);
		assertThat(pcl5.probablePtsd()).isTrue();
	}

	@Test
	void givenPartialAnswersWhenScoredThenRejected() {
		assertThatThrownBy(() -> Pcl5.score(Collections.nCopies(19, 1), DEFAULT_CUTOFF, "pcl5"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("pcl5");
				assertThat(e.getMessage()).contains("all 20 answers");
			});
	}

	@Test
	void givenAnAnswerOutOfRangeWhenScoredThenTheItemIsNamed() {
		var answers = new ArrayList<>(Collections.nCopies(20, 4));
		answers.set(19, 5);
		assertThatThrownBy(() -> Pcl5.score(answers, DEFAULT_CUTOFF, "pcl5"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("pcl5[19]");
				assertThat(e.getMessage()).contains("item 20");
			});
	}

	@Test
	void givenACutOffOutsideTheScaleWhenScoredThenTheCallerIsToldNotThePatient() {
		var answers = Collections.nCopies(20, 1);
		assertThatThrownBy(() -> Pcl5.score(answers, 81, "pcl5")).isExactlyInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("0 to 80");
		assertThatThrownBy(() -> Pcl5.score(answers, -1, "pcl5")).isExactlyInstanceOf(IllegalArgumentException.class);
	}
}
