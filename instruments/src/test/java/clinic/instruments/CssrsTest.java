package clinic.instruments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CssrsTest {

	@Test
	void givenAllNoWithQ2NoWhenScoredThenNotHighRiskAndUnaskedQuestionsStayNull() {
		var cssrs = Cssrs.score(false, false, null, null, null, false, "cssrs");
		assertThat(cssrs.highRisk()).isFalse();
		assertThat(cssrs.q3()).isNull();
		assertThat(cssrs.highRiskAnswers()).isEmpty();
	}

	@Test
	void givenWishAndThoughtsWithMethodButNoIntentPlanOrBehaviourWhenScoredThenNotHighRisk() {
		assertThat(Cssrs.score(true, true, true, false, false, false, "cssrs").highRisk()).isFalse();
	}

	@Test
	void givenIntentWhenScoredThenHighRisk() {
		var cssrs = Cssrs.score(true, true, true, true, false, false, "cssrs");
		assertThat(cssrs.highRisk()).isTrue();
		assertThat(cssrs.highRiskAnswers()).containsExactly("Q4");
	}

	@Test
	void givenAPlanWhenScoredThenHighRisk() {
		assertThat(Cssrs.score(true, true, false, false, true, false, "cssrs").highRiskAnswers())
			.containsExactly("Q5");
	}

	@Test
	void givenBehaviourInThePast3MonthsWithoutCurrentThoughtsWhenScoredThenHighRisk() {
		var cssrs = Cssrs.score(false, false, null, null, null, true, "cssrs");
		assertThat(cssrs.highRisk()).isTrue();
		assertThat(cssrs.highRiskAnswers()).containsExactly("Q6");
	}

	@Test
	void givenAMissingRequiredQuestionWhenScoredThenTheQuestionIsNamed() {
		assertThatThrownBy(() -> Cssrs.score(null, false, null, null, null, false, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("cssrs.q1"));
		assertThatThrownBy(() -> Cssrs.score(false, null, null, null, null, false, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("cssrs.q2"));
		assertThatThrownBy(() -> Cssrs.score(false, false, null, null, null, null, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("cssrs.q6"));
	}

	@Test
	void givenQ2YesAndAFollowUpUnansweredWhenScoredThenTheQuestionIsNamed() {
		assertThatThrownBy(() -> Cssrs.score(true, true, true, null, false, false, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> {
				assertThat(e.field()).isEqualTo("cssrs.q4");
				assertThat(e.getMessage()).contains("Q2 is yes");
			});
	}

	@Test
	void givenQ2NoAndAYesToAFollowUpWhenScoredThenRejectedRatherThanDropped() {
		assertThatThrownBy(() -> Cssrs.score(true, false, null, null, true, false, "cssrs"))
			.isInstanceOfSatisfying(InvalidAnswerException.class, e -> assertThat(e.field()).isEqualTo("cssrs.q5"));
	}

	@Test
	void givenQ2NoAndExplicitNoToFollowUpsWhenScoredThenAccepted() {
		assertThat(Cssrs.score(false, false, false, false, false, false, "cssrs").highRisk()).isFalse();
	}
}
