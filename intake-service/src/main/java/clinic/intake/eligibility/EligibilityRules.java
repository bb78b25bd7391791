package clinic.intake.eligibility;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;

/**
 * The eligibility rules as data: each has an id, a description, a severity and reads one fact; when it fires it
 * names the answer that triggered it. This is the foundation set (blood pressure, suicide risk, age); the full
 * DOMAIN.md catalogue with versioned thresholds comes with the intake issue.
 */
@Component
public class EligibilityRules {

	/** One rule: fires with the triggering answer, or stays silent. */
	public record Rule(String id, String description, Severity severity,
			Function<ScreeningFacts, Optional<String>> trigger) {
	}

	private final List<Rule> rules;

	public EligibilityRules(EligibilitySettings settings) {
		this.rules = List.of(
				new Rule("uncontrolled-hypertension",
						"Uncontrolled hypertension: resting BP above " + settings.absoluteSystolicAbove() + "/"
								+ settings.absoluteDiastolicAbove(),
						Severity.ABSOLUTE,
						facts -> bloodPressureAbove(facts, settings.absoluteSystolicAbove(),
								settings.absoluteDiastolicAbove())),
				new Rule("elevated-blood-pressure",
						"BP above " + settings.reviewSystolicAbove() + "/" + settings.reviewDiastolicAbove()
								+ " at screening",
						Severity.RELATIVE,
						facts -> bloodPressureAbove(facts, settings.reviewSystolicAbove(),
								settings.reviewDiastolicAbove())),
				new Rule("suicide-risk-phq9-item9", "PHQ-9 item 9 above 0: urgent suicide-risk review",
						Severity.RELATIVE,
						facts -> facts.phq9().suicideRiskFlag()
								? Optional.of("PHQ-9 item 9 = " + facts.phq9().items().get(8)) : Optional.empty()),
				new Rule("suicide-risk-cssrs",
						"C-SSRS screener high risk (yes to Q4 or Q5 in the past month, or Q6 suicidal behaviour in the"
								+ " past 3 months): urgent suicide-risk review",
						Severity.RELATIVE,
						facts -> facts.cssrs() != null && facts.cssrs().highRisk()
								? Optional.of("C-SSRS " + String.join(", ",
										facts.cssrs().highRiskAnswers().stream().map(q -> q + " = yes").toList()))
								: Optional.empty()),
				new Rule("minor", "Younger than " + settings.minimumAgeYears(), Severity.RELATIVE,
						facts -> facts.ageYears() < settings.minimumAgeYears()
								? Optional.of("age " + facts.ageYears()) : Optional.empty()));
	}

	public List<Rule> rules() {
		return rules;
	}

	public Proposal propose(ScreeningFacts facts) {
		var reasons = rules.stream()
			.flatMap(rule -> rule.trigger()
				.apply(facts)
				.map(answer -> new Proposal.Reason(rule.id(), rule.description(), rule.severity(), answer))
				.stream())
			.toList();
		return Proposal.of(reasons);
	}

	private static Optional<String> bloodPressureAbove(ScreeningFacts facts, int systolic, int diastolic) {
		var vitals = facts.vitals();
		return vitals.systolic() > systolic || vitals.diastolic() > diastolic
				? Optional.of("BP " + vitals.systolic() + "/" + vitals.diastolic()) : Optional.empty();
	}
}
