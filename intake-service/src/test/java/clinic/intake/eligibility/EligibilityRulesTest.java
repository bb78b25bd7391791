package clinic.intake.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import clinic.instruments.Cssrs;
import clinic.instruments.Phq9;
import clinic.intake.clinical.ClinicalHistory.AntidepressantTrial;
import clinic.intake.clinical.ClinicalHistory.Diagnosis;
import clinic.intake.clinical.ClinicalHistory.DrugClass;
import clinic.intake.clinical.ClinicalHistory.MedicalCondition;
import clinic.intake.clinical.ClinicalHistory.Medication;
import clinic.intake.clinical.ClinicalHistory.SubstanceUse;
import clinic.intake.clinical.ClinicalHistory;
import clinic.intake.clinical.Vitals;
import clinic.intake.patients.Indication;
import clinic.platform.problems.InvalidInputException;

class EligibilityRulesTest {

	/** The DOMAIN.md defaults, as migration V4 seeds them. */
	static final EligibilitySettings DEFAULTS = new EligibilitySettings(180, 100, 140, 90, 18, 12, 2);

	static final EligibilityRules RULES = rules(1, DEFAULTS);

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

	static EligibilityRules rules(int version, EligibilitySettings settings) {
		return new EligibilityRules(new RuleSettingsVersion(version, settings, "admin", Instant.EPOCH, "test"));
	}

	/** Facts that fire no rule, changed by the test. */
	static final class Facts {

		int age = 40;

		Indication indication = Indication.ANXIETY;

		List<Integer> phq9 = List.of(2, 2, 2, 2, 1, 1, 1, 1, 0);

		Cssrs cssrs;

		int systolic = 120;

		int diastolic = 80;

		Set<Diagnosis> diagnoses = EnumSet.of(Diagnosis.MAJOR_DEPRESSIVE_DISORDER);

		List<AntidepressantTrial> trials = new ArrayList<>();

		Set<MedicalCondition> conditions = EnumSet.noneOf(MedicalCondition.class);

		SubstanceUse substanceUse;

		Boolean onMoodStabiliser;

		List<Medication> medications = new ArrayList<>();

		ScreeningFacts build() {
			return new ScreeningFacts(age, TODAY, indication, Phq9.score(phq9, "phq9"), cssrs,
					new Vitals(systolic, diastolic, 70, new BigDecimal("70.0")), new ClinicalHistory(diagnoses, trials,
							conditions, substanceUse, onMoodStabiliser, medications).checked(TODAY));
		}
	}

	static ScreeningFacts facts(Consumer<Facts> change) {
		var facts = new Facts();
		change.accept(facts);
		return facts.build();
	}

	static Consumer<Facts> condition(MedicalCondition condition) {
		return f -> f.conditions.add(condition);
	}

	static Consumer<Facts> medication(DrugClass drugClass) {
		return f -> f.medications.add(new Medication("drug", drugClass));
	}

	static Consumer<Facts> trd(boolean... adequateFailed) {
		return f -> {
			f.indication = Indication.TREATMENT_RESISTANT_DEPRESSION;
			for (var adequate : adequateFailed) {
				f.trials.add(new AntidepressantTrial("ssri", adequate, true));
			}
		};
	}

	static Consumer<Facts> unchanged() {
		return f -> {
		};
	}

	static Arguments row(String ruleId, Outcome outcome, Consumer<Facts> trigger, Consumer<Facts> justBelow) {
		return Arguments.of(ruleId, outcome, trigger, justBelow);
	}

	/** Every default rule: the answer that fires it, and the nearest answer that does not. */
	static Stream<Arguments> catalogue() {
		var declined = Outcome.DECLINED;
		var review = Outcome.NEEDS_REVIEW;
		return Stream.of(
				row("ketamine-hypersensitivity", declined, condition(MedicalCondition.KETAMINE_HYPERSENSITIVITY),
						unchanged()),
				row("uncontrolled-hypertension", declined, f -> f.systolic = 181, f -> f.systolic = 180),
				row("uncontrolled-hypertension", declined, f -> f.diastolic = 101, f -> f.diastolic = 100),
				row("cerebrovascular-disease", declined, condition(MedicalCondition.RECENT_STROKE), unchanged()),
				row("cerebrovascular-disease", declined, condition(MedicalCondition.INTRACEREBRAL_HAEMORRHAGE),
						unchanged()),
				row("cerebrovascular-disease", declined, condition(MedicalCondition.ANEURYSMAL_VASCULAR_DISEASE),
						unchanged()),
				row("cerebrovascular-disease", declined, condition(MedicalCondition.ARTERIOVENOUS_MALFORMATION),
						unchanged()),
				row("severe-cardiac-disease", declined, condition(MedicalCondition.SEVERE_CORONARY_DISEASE),
						condition(MedicalCondition.OTHER_HEART_CONDITION)),
				row("severe-cardiac-disease", declined, condition(MedicalCondition.SEVERE_MYOCARDIAL_DISEASE),
						condition(MedicalCondition.OTHER_HEART_CONDITION)),
				row("pregnancy", declined, condition(MedicalCondition.PREGNANCY), unchanged()),
				row("psychosis", declined, condition(MedicalCondition.ACTIVE_PSYCHOSIS), unchanged()),
				row("psychosis", declined, f -> f.diagnoses.add(Diagnosis.PSYCHOTIC_DISORDER), unchanged()),
				row("untreated-hyperthyroidism", declined, condition(MedicalCondition.UNTREATED_HYPERTHYROIDISM),
						unchanged()),
				row("raised-intracranial-pressure", declined, condition(MedicalCondition.RAISED_INTRACRANIAL_PRESSURE),
						unchanged()),
				row("raised-intracranial-pressure", declined, condition(MedicalCondition.CEREBRAL_TRAUMA), unchanged()),
				row("active-substance-use", declined, f -> f.substanceUse = new SubstanceUse(true, true, null),
						f -> f.substanceUse = new SubstanceUse(true, false, null)),
				row("active-substance-use", declined,
						f -> f.substanceUse = new SubstanceUse(true, false, TODAY.minusMonths(12).plusDays(1)),
						f -> f.substanceUse = new SubstanceUse(true, false, TODAY.minusMonths(12))),
				row("elevated-blood-pressure", review, f -> f.systolic = 141, f -> f.systolic = 140),
				row("elevated-blood-pressure", review, f -> f.diastolic = 91, f -> f.diastolic = 90),
				row("controlled-hypertension", review, condition(MedicalCondition.CONTROLLED_HYPERTENSION), unchanged()),
				row("other-heart-condition", review, condition(MedicalCondition.OTHER_HEART_CONDITION), unchanged()),
				row("substance-use-disorder-history", review, f -> f.substanceUse = new SubstanceUse(true, false, null),
						f -> f.substanceUse = new SubstanceUse(false, false, null)),
				row("substance-use-disorder-history", review, f -> {
					f.diagnoses.add(Diagnosis.SUBSTANCE_USE_DISORDER);
					f.substanceUse = new SubstanceUse(false, false, TODAY.minusYears(3));
				}, unchanged()),
				row("bipolar-without-mood-stabiliser", review, f -> {
					f.diagnoses.add(Diagnosis.BIPOLAR_DISORDER);
					f.onMoodStabiliser = false;
				}, f -> {
					f.diagnoses.add(Diagnosis.BIPOLAR_DISORDER);
					f.onMoodStabiliser = true;
				}),
				row("suicide-risk-phq9-item9", review, f -> f.phq9 = List.of(2, 2, 2, 2, 1, 1, 1, 1, 1), unchanged()),
				row("suicide-risk-cssrs", review, f -> f.cssrs = Cssrs.score(true, true, true, true, false, false, "c"),
						f -> f.cssrs = Cssrs.score(true, true, true, false, false, false, "c")),
				row("suicide-risk-cssrs", review, f -> f.cssrs = Cssrs.score(false, false, null, null, null, true, "c"),
						f -> f.cssrs = Cssrs.score(false, false, null, null, null, false, "c")),
				row("concomitant-benzodiazepine", review, medication(DrugClass.BENZODIAZEPINE),
						medication(DrugClass.OTHER)),
				row("concomitant-z-drug", review, medication(DrugClass.Z_DRUG_HYPNOTIC), medication(DrugClass.OTHER)),
				row("concomitant-psychostimulant", review, medication(DrugClass.PSYCHOSTIMULANT),
						medication(DrugClass.OTHER)),
				row("concomitant-maoi", review, medication(DrugClass.MAOI), medication(DrugClass.OTHER)),
				row("minor", review, f -> f.age = 17, f -> f.age = 18),
				row("trd-fewer-than-two-adequate-trials", review, trd(true), trd(true, true)),
				row("trd-fewer-than-two-adequate-trials", review, trd(true, false), trd(true, true)));
	}

	@ParameterizedTest(name = "{0} fires on its trigger and stays silent just below it ({index})")
	@MethodSource("catalogue")
	void givenEachDefaultRuleWhenTriggeredThenItFiresAndJustBelowItIsSilent(String ruleId, Outcome outcome,
			Consumer<Facts> trigger, Consumer<Facts> justBelow) {
		var fired = RULES.propose(facts(trigger));
		assertThat(fired.reasons()).extracting(Proposal.Reason::ruleId).contains(ruleId);
		assertThat(fired.outcome()).isEqualTo(outcome);
		assertThat(fired.reasons()).filteredOn(r -> r.ruleId().equals(ruleId))
			.singleElement()
			.satisfies(r -> assertThat(r.answer()).isNotBlank());

		assertThat(RULES.propose(facts(justBelow)).reasons()).extracting(Proposal.Reason::ruleId)
			.doesNotContain(ruleId);
	}

	@Test
	void givenTheCatalogueThenEveryRuleIsInTheTableWithAUniqueIdAndTheFactsItReads() {
		var tested = catalogue().map(a -> (String) a.get()[0]).distinct().toList();
		assertThat(RULES.rules()).extracting(EligibilityRules.Rule::id).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(tested);
		assertThat(RULES.rules()).allSatisfy(rule -> assertThat(rule.reads()).isNotEmpty());
	}

	@Test
	void givenNormalAnswersWhenProposedThenClearedWithNoReasonsAndTheSettingsVersion() {
		var proposal = rules(7, DEFAULTS).propose(facts(unchanged()));
		assertThat(proposal.outcome()).isEqualTo(Outcome.CLEARED);
		assertThat(proposal.reasons()).isEmpty();
		assertThat(proposal.rulesVersion()).isEqualTo(7);
	}

	@Test
	void givenUncontrolledHypertensionWhenProposedThenDeclinedListingEveryRuleThatFiredWithTheAnswer() {
		var proposal = RULES.propose(facts(f -> {
			f.systolic = 185;
			f.diastolic = 95;
		}));
		assertThat(proposal.outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(proposal.reasons()).extracting(Proposal.Reason::ruleId, Proposal.Reason::answer)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("uncontrolled-hypertension", "BP 185/95"),
					org.assertj.core.groups.Tuple.tuple("elevated-blood-pressure", "BP 185/95"));
	}

	@Test
	void givenContraindicationsWhenProposedThenTheAnswerNamesTheConditionAndTheMedication() {
		var proposal = RULES.propose(facts(f -> {
			f.conditions.add(MedicalCondition.PREGNANCY);
			f.medications.add(new Medication("lorazepam", DrugClass.BENZODIAZEPINE));
		}));
		assertThat(proposal.reasons()).extracting(Proposal.Reason::answer)
			.containsExactly("medicalHistory: PREGNANCY", "currentMedications: lorazepam (BENZODIAZEPINE)");
	}

	@Test
	void givenAnAdministratorChangesThresholdsWhenProposedThenTheNewThresholdsApply() {
		var stricter = new EligibilitySettings(170, 100, 140, 90, 18, 24, 3);
		var rules = rules(2, stricter);
		assertThat(RULES.propose(facts(f -> f.systolic = 175)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(rules.propose(facts(f -> f.systolic = 175)).outcome()).isEqualTo(Outcome.DECLINED);
		Consumer<Facts> abstinent18Months = f -> f.substanceUse = new SubstanceUse(true, false,
				TODAY.minusMonths(18));
		assertThat(RULES.propose(facts(abstinent18Months)).outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
		assertThat(rules.propose(facts(abstinent18Months)).outcome()).isEqualTo(Outcome.DECLINED);
		assertThat(rules.propose(facts(trd(true, true))).reasons()).extracting(Proposal.Reason::ruleId)
			.containsExactly("trd-fewer-than-two-adequate-trials");
	}

	@Test
	void givenReviewLimitsAboveTheAbsoluteOnesThenRejectedNamingTheField() {
		assertThatThrownBy(() -> new EligibilitySettings(150, 100, 160, 90, 18, 12, 2).checked())
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("reviewSystolicAbove"));
		assertThatThrownBy(() -> new EligibilitySettings(180, 90, 140, 95, 18, 12, 2).checked())
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("reviewDiastolicAbove"));
	}

	@Test
	void givenABipolarDisorderWithoutTheMoodStabiliserAnswerThenRejectedNamingTheField() {
		assertThatThrownBy(() -> facts(f -> f.diagnoses.add(Diagnosis.BIPOLAR_DISORDER)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("onMoodStabiliser"));
		assertThatThrownBy(() -> facts(f -> f.substanceUse = new SubstanceUse(true, true, TODAY.minusDays(3))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.field()).isEqualTo("substanceUse.abstinentSince"));
	}
}
