package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;

/** A questionnaire half filled in: how far it has got, each answer given checked as the full score checks it. */
class ProgressTest {

	@Test
	void givenSomePhq9AnswersWhenCheckedThenTheAnsweredItemsAreCountedAndItIsNotComplete() {
		var progress = Phq9.progress(Arrays.asList(1, 2, null, 3), "phq9");
		assertThat(progress).isEqualTo(new Progress(3, 9));
		assertThat(progress.complete()).isFalse();
	}

	@Test
	void givenNoAnswersWhenCheckedThenNoneAreAnswered() {
		assertThat(Gad7.progress(null, "gad7")).isEqualTo(new Progress(0, 7));
		assertThat(Pcl5.progress(Collections.nCopies(20, null), "pcl5")).isEqualTo(new Progress(0, 20));
	}

	@Test
	void givenEveryAnswerWhenCheckedThenItIsComplete() {
		assertThat(Cadss6.progress(Collections.nCopies(6, 4), "items").complete()).isTrue();
	}

	@Test
	void givenAnAnswerOutOfRangeWhenCheckedThenTheItemIsNamedAsTheScoreNamesIt() {
		assertThatThrownBy(() -> Phq9.progress(Arrays.asList(null, null, 4), "phq9"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("phq9[2]");
				assertThat(e.getMessage()).isEqualTo("PHQ-9 item 3 must be 0 to 3, got 4");
			});
		assertThatThrownBy(() -> Pcl5.progress(Arrays.asList(5), "pcl5"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("pcl5[0]"));
	}

	@Test
	void givenTooManyAnswersWhenCheckedThenTheAnswerSetIsNamed() {
		assertThatThrownBy(() -> Gad7.progress(Collections.nCopies(8, 0), "gad7"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("gad7"));
	}

	@Test
	void givenCssrsQ2NoWhenCheckedThenOnlyQ1Q2AndQ6AreAsked() {
		assertThat(Cssrs.progress(false, false, null, null, null, null, "cssrs")).isEqualTo(new Progress(2, 3));
		assertThat(Cssrs.progress(false, false, null, null, null, true, "cssrs").complete()).isTrue();
	}

	@Test
	void givenCssrsQ2YesWhenCheckedThenTheFollowUpsAreAskedToo() {
		assertThat(Cssrs.progress(true, true, true, null, null, false, "cssrs")).isEqualTo(new Progress(4, 6));
	}

	@Test
	void givenAYesToAFollowUpWhileQ2IsNoWhenCheckedThenTheQuestionIsNamed() {
		assertThatThrownBy(() -> Cssrs.progress(true, false, null, true, null, null, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("cssrs.q4"));
	}
}
