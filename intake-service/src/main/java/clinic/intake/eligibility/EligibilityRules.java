package clinic.intake.eligibility;

import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import clinic.intake.clinical.ClinicalHistory.Diagnosis;
import clinic.intake.clinical.ClinicalHistory.DrugClass;
import clinic.intake.clinical.ClinicalHistory.MedicalCondition;
import clinic.intake.patients.Indication;

/**
 * The DOMAIN.md eligibility rules as data: each has an id, a description, a severity (absolute → DECLINED,
 * relative → NEEDS_REVIEW), the facts it reads, and when it fires it names the answer that triggered it. The
 * thresholds come from one version of the rule settings, which every proposal records.
 */
public class EligibilityRules {

	/** One rule: fires with the triggering answer, or stays silent. {@code reads}: the facts it reads. */
	public record Rule(String id, String description, Severity severity, List<String> reads,
			Function<ScreeningFacts, Optional<String>> trigger) {
	}

	private final RuleSettingsVersion settingsVersion;

	private final List<Rule> rules;

	public EligibilityRules(RuleSettingsVersion settingsVersion) {
		this.settingsVersion = settingsVersion;
		var s = settingsVersion.settings();
		this.rules = List.of(
				condition("ketamine-hypersensitivity", "Hypersensitivity to ketamine", Severity.ABSOLUTE,
						MedicalCondition.KETAMINE_HYPERSENSITIVITY),
				new Rule("uncontrolled-hypertension",
						"Uncontrolled hypertension: resting BP above " + s.absoluteSystolicAbove() + "/"
								+ s.absoluteDiastolicAbove(),
						Severity.ABSOLUTE, List.of("vitals.systolic", "vitals.diastolic"),
						facts -> bloodPressureAbove(facts, s.absoluteSystolicAbove(), s.absoluteDiastolicAbove())),
				condition("cerebrovascular-disease",
						"Recent stroke, intracerebral haemorrhage, aneurysmal vascular disease or arteriovenous"
								+ " malformation",
						Severity.ABSOLUTE, MedicalCondition.RECENT_STROKE, MedicalCondition.INTRACEREBRAL_HAEMORRHAGE,
						MedicalCondition.ANEURYSMAL_VASCULAR_DISEASE, MedicalCondition.ARTERIOVENOUS_MALFORMATION),
				condition("severe-cardiac-disease", "Severe coronary or myocardial disease", Severity.ABSOLUTE,
						MedicalCondition.SEVERE_CORONARY_DISEASE, MedicalCondition.SEVERE_MYOCARDIAL_DISEASE),
				condition("pregnancy", "Pregnancy", Severity.ABSOLUTE, MedicalCondition.PREGNANCY),
				new Rule("psychosis", "Active psychosis or a psychotic disorder", Severity.ABSOLUTE,
						List.of("medicalHistory", "diagnoses"), EligibilityRules::psychosis),
				condition("untreated-hyperthyroidism", "Untreated hyperthyroidism", Severity.ABSOLUTE,
						MedicalCondition.UNTREATED_HYPERTHYROIDISM),
				condition("raised-intracranial-pressure", "Raised intracranial pressure or cerebral trauma",
						Severity.ABSOLUTE, MedicalCondition.RAISED_INTRACRANIAL_PRESSURE,
						MedicalCondition.CEREBRAL_TRAUMA),
				new Rule("active-substance-use",
						"Active substance use: declined unless abstinent for at least " + s.abstinenceMonths()
								+ " months",
						Severity.ABSOLUTE, List.of("substanceUse.activeUse", "substanceUse.abstinentSince"),
						facts -> activeSubstanceUse(facts, s.abstinenceMonths())),
				new Rule("elevated-blood-pressure",
						"BP above " + s.reviewSystolicAbove() + "/" + s.reviewDiastolicAbove() + " at screening",
						Severity.RELATIVE, List.of("vitals.systolic", "vitals.diastolic"),
						facts -> bloodPressureAbove(facts, s.reviewSystolicAbove(), s.reviewDiastolicAbove())),
				condition("controlled-hypertension", "Controlled hypertension", Severity.RELATIVE,
						MedicalCondition.CONTROLLED_HYPERTENSION),
				condition("other-heart-condition", "Other heart condition", Severity.RELATIVE,
						MedicalCondition.OTHER_HEART_CONDITION),
				new Rule("substance-use-disorder-history", "History of substance use disorder", Severity.RELATIVE,
						List.of("diagnoses", "substanceUse.disorderHistory"),
						facts -> facts.history().substanceUseDisorder()
								? Optional.of(facts.history().diagnoses().contains(Diagnosis.SUBSTANCE_USE_DISORDER)
										? "diagnoses: SUBSTANCE_USE_DISORDER" : "substanceUse.disorderHistory = true")
								: Optional.empty()),
				new Rule("bipolar-without-mood-stabiliser", "Bipolar disorder without a mood stabiliser",
						Severity.RELATIVE, List.of("diagnoses", "onMoodStabiliser"),
						facts -> facts.history().diagnoses().contains(Diagnosis.BIPOLAR_DISORDER)
								&& !Boolean.TRUE.equals(facts.history().onMoodStabiliser())
										? Optional.of("diagnoses: BIPOLAR_DISORDER, onMoodStabiliser = false")
										: Optional.empty()),
				new Rule("suicide-risk-phq9-item9", "PHQ-9 item 9 above 0: urgent suicide-risk review",
						Severity.RELATIVE, List.of("phq9[8]"),
						facts -> facts.phq9().suicideRiskFlag()
								? Optional.of("PHQ-9 item 9 = " + facts.phq9().items().get(8)) : Optional.empty()),
				new Rule("suicide-risk-cssrs",
						"C-SSRS screener high risk (yes to Q4 or Q5 in the past month, or Q6 suicidal behaviour in the"
								+ " past 3 months): urgent suicide-risk review",
						Severity.RELATIVE, List.of("cssrs"),
						facts -> facts.cssrs() != null && facts.cssrs().highRisk()
								? Optional.of("C-SSRS " + String.join(", ",
										facts.cssrs().highRiskAnswers().stream().map(q -> q + " = yes").toList()))
								: Optional.empty()),
				medication("concomitant-benzodiazepine", "Concomitant benzodiazepine", DrugClass.BENZODIAZEPINE),
				medication("concomitant-z-drug", "Concomitant non-benzodiazepine hypnotic (Z-drug)",
						DrugClass.Z_DRUG_HYPNOTIC),
				medication("concomitant-psychostimulant", "Concomitant psychostimulant", DrugClass.PSYCHOSTIMULANT),
				medication("concomitant-maoi", "Concomitant MAOI", DrugClass.MAOI),
				new Rule("minor", "Younger than " + s.minimumAgeYears(), Severity.RELATIVE, List.of("birthDate"),
						facts -> facts.ageYears() < s.minimumAgeYears() ? Optional.of("age " + facts.ageYears())
								: Optional.empty()),
				new Rule("trd-fewer-than-two-adequate-trials",
						"Treatment-resistant depression with fewer than " + s.requiredFailedTrials()
								+ " failed adequate antidepressant trials",
						Severity.RELATIVE, List.of("referral.indication", "antidepressantTrials"),
						facts -> fewerFailedTrials(facts, s.requiredFailedTrials())));
	}

	public List<Rule> rules() {
		return rules;
	}

	/** The thresholds these rules were built with. */
	public RuleSettingsVersion settingsVersion() {
		return settingsVersion;
	}

	public Proposal propose(ScreeningFacts facts) {
		var reasons = rules.stream()
			.flatMap(rule -> rule.trigger()
				.apply(facts)
				.map(answer -> new Proposal.Reason(rule.id(), rule.description(), rule.severity(), answer))
				.stream())
			.toList();
		return Proposal.of(reasons, settingsVersion.version());
	}

	/** A rule that fires when the medical history lists any of the conditions, naming those listed. */
	private static Rule condition(String id, String description, Severity severity, MedicalCondition first,
			MedicalCondition... more) {
		Set<MedicalCondition> conditions = EnumSet.of(first, more);
		return new Rule(id, description, severity, List.of("medicalHistory"), facts -> {
			var found = facts.history().medicalHistory().stream().filter(conditions::contains).sorted().toList();
			return found.isEmpty() ? Optional.empty() : Optional.of("medicalHistory: " + names(found));
		});
	}

	/** A rule that fires when a current medication is of the class, naming the medications. */
	private static Rule medication(String id, String description, DrugClass drugClass) {
		return new Rule(id, description, Severity.RELATIVE, List.of("currentMedications"), facts -> {
			var found = facts.history()
				.currentMedications()
				.stream()
				.filter(m -> m.drugClass() == drugClass)
				.map(m -> m.name() + " (" + drugClass + ")")
				.toList();
			return found.isEmpty() ? Optional.empty() : Optional.of("currentMedications: " + String.join(", ", found));
		});
	}

	private static Optional<String> psychosis(ScreeningFacts facts) {
		var history = facts.history();
		if (history.medicalHistory().contains(MedicalCondition.ACTIVE_PSYCHOSIS)) {
			return Optional.of("medicalHistory: ACTIVE_PSYCHOSIS");
		}
		return history.diagnoses().contains(Diagnosis.PSYCHOTIC_DISORDER)
				? Optional.of("diagnoses: PSYCHOTIC_DISORDER") : Optional.empty();
	}

	private static Optional<String> activeSubstanceUse(ScreeningFacts facts, int abstinenceMonths) {
		var use = facts.history().substanceUse();
		if (use == null) {
			return Optional.empty();
		}
		if (use.activeUse()) {
			return Optional.of("substanceUse.activeUse = true");
		}
		var since = use.abstinentSince();
		if (since != null && since.isAfter(facts.screenedOn().minusMonths(abstinenceMonths))) {
			return Optional.of("substanceUse.abstinentSince = " + since + " ("
					+ ChronoUnit.MONTHS.between(since, facts.screenedOn()) + " full months before screening)");
		}
		return Optional.empty();
	}

	private static Optional<String> fewerFailedTrials(ScreeningFacts facts, int required) {
		if (facts.indication() != Indication.TREATMENT_RESISTANT_DEPRESSION) {
			return Optional.empty();
		}
		var failed = facts.history().failedAdequateTrials();
		return failed < required ? Optional.of("indication TREATMENT_RESISTANT_DEPRESSION, " + failed
				+ " failed adequate antidepressant trial" + (failed == 1 ? "" : "s")) : Optional.empty();
	}

	private static Optional<String> bloodPressureAbove(ScreeningFacts facts, int systolic, int diastolic) {
		var vitals = facts.vitals();
		return vitals.systolic() > systolic || vitals.diastolic() > diastolic
				? Optional.of("BP " + vitals.systolic() + "/" + vitals.diastolic()) : Optional.empty();
	}

	private static String names(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}
}
