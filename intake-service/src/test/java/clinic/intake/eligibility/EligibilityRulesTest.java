package clinic.intake.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import clinic.intake.screening.Cssrs;
import clinic.intake.screening.Phq9;
import clinic.intake.screening.Vitals;

class EligibilityRulesTest {

	private static final EligibilitySettings DEFAULTS = new EligibilitySettings(180, 100, 140, 90, 18);

	private static final Phq9 NO_RISK = Phq9.score(List.of(2, 2, 2, 2, 1, 1, 1, 1, 0), "phq9");

	private static ScreeningFacts facts(int systolic, int diastolic) {
		return new ScreeningFacts(40, NO_RISK, new Vitals(systolic, diastolic, 70, new BigDecimal("70.0")));
	}

	@Test
	void givenNormalAnswersWhenProposedThenClearedWithNoReasons() {
		var proposal = new EligibilityRules(DEFAULTS).propose(facts(120, 80));
		assertThat(proposal.outcome()).isEqualTo(Outcome.CLEARED);
		assertThat(proposal.reasons()).isEmpty();
	}

	@Test
	void givenBloodPressureAtTheReviewLimitWhenProposedThenSilent() {
		assertThat(new EligibilityRules(DEFAULTS).propose(facts(140, 90)).outcome()).isEqualTo(Outcome.CLEARED);
	}

	@Test
	void givenBloodPressureJustAboveTheReviewLimitWhenProposedThenNeedsReviewNamingTheAnswer() {
		var proposal = new EligibilityRules(DEFAULTS).propose(facts(141, 85));
		assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(proposal.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.ruleId()).isEqualTo("elevated-blood-pressure");
			assertThat(reason.answer()).isEqualTo("BP 141/85");
		});
	}

	@Test
	void givenUncontrolledHypertensionWhenProposedThenDeclinedListingEveryRuleThatFired() {
		var proposal = new EligibilityRules(DEFAULTS).propose(facts(185, 95));
		assertThat(proposal.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(proposal.reasons()).extracting(Proposal.Reason::ruleId)
			.containsExactly("uncontrolled-hypertension", "elevated-blood-pressure");
	}

	@Test
	void givenDiastolicAtTheAbsoluteLimitWhenProposedThenOnlyReview() {
		assertThat(new EligibilityRules(DEFAULTS).propose(facts(150, 100)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(new EligibilityRules(DEFAULTS).propose(facts(150, 101)).outcome()).isEqualTo(Outcome.DECLINED);
	}

	@Test
	void givenSuicideRiskWhenProposedThenNeedsReview() {
		var risk = Phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), "phq9");
		var proposal = new EligibilityRules(DEFAULTS)
			.propose(new ScreeningFacts(40, risk, new Vitals(120, 80, 70, BigDecimal.TEN)));
		assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(proposal.reasons()).extracting(Proposal.Reason::answer).containsExactly("PHQ-9 item 9 = 2");
	}

	@Test
	void givenACssrsHighRiskScreenWhenProposedThenNeedsReviewNamingTheQuestions() {
		var cssrs = Cssrs.score(true, true, true, true, false, true, "cssrs");
		var proposal = new EligibilityRules(DEFAULTS)
			.propose(new ScreeningFacts(40, NO_RISK, cssrs, new Vitals(120, 80, 70, BigDecimal.TEN)));
		assertThat(proposal.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(proposal.reasons()).singleElement().satisfies(reason -> {
			assertThat(reason.ruleId()).isEqualTo("suicide-risk-cssrs");
			assertThat(reason.severity()).isEqualTo(Severity.RELATIVE);
			assertThat(reason.answer()).isEqualTo("C-SSRS Q4 = yes, Q6 = yes");
		});
	}

	@Test
	void givenACssrsScreenBelowHighRiskOrNoneWhenProposedThenSilent() {
		var thoughtsOnly = Cssrs.score(true, true, true, false, false, false, "cssrs");
		var rules = new EligibilityRules(DEFAULTS);
		assertThat(rules.propose(new ScreeningFacts(40, NO_RISK, thoughtsOnly, new Vitals(120, 80, 70, BigDecimal.TEN)))
			.outcome()).isEqualTo(Outcome.CLEARED);
		assertThat(rules.propose(new ScreeningFacts(40, NO_RISK, null, new Vitals(120, 80, 70, BigDecimal.TEN)))
			.outcome()).isEqualTo(Outcome.CLEARED);
	}

	@Test
	void givenAMinorWhenProposedThenNeedsReview() {
		var proposal = new EligibilityRules(DEFAULTS)
			.propose(new ScreeningFacts(17, NO_RISK, new Vitals(120, 80, 70, BigDecimal.TEN)));
		assertThat(proposal.reasons()).extracting(Proposal.Reason::ruleId).containsExactly("minor");
	}

	@Test
	void givenAnAdministratorLowersTheLimitWhenProposedThenTheNewLimitApplies() {
		var stricter = new EligibilitySettings(170, 100, 140, 90, 18);
		assertThat(new EligibilityRules(DEFAULTS).propose(facts(175, 80)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(new EligibilityRules(stricter).propose(facts(175, 80)).outcome()).isEqualTo(Outcome.DECLINED);
	}
}
