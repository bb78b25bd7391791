package clinic.intake.eligibility;

import java.util.List;

/**
 * The rules' proposal with every rule that fired and the answer that triggered it, and the version of the rule
 * thresholds it was made with ({@code rulesVersion}; null for screenings recorded before thresholds were versioned).
 */
public record Proposal(Outcome outcome, List<Reason> reasons, Integer rulesVersion) {

	public record Reason(String ruleId, String description, Severity severity, String answer) {
	}

	static Proposal of(List<Reason> reasons, int rulesVersion) {
		if (reasons.stream().anyMatch(r -> r.severity() == Severity.ABSOLUTE)) {
			return new Proposal(Outcome.DECLINED, reasons, rulesVersion);
		}
		return new Proposal(reasons.isEmpty() ? Outcome.CLEARED : Outcome.NEEDS_REVIEW, reasons, rulesVersion);
	}
}
