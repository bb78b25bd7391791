package clinic.intake.eligibility;

import java.util.List;

/** The rules' proposal with every rule that fired and the answer that triggered it. */
public record Proposal(Outcome outcome, List<Reason> reasons) {

	public record Reason(String ruleId, String description, Severity severity, String answer) {
	}

	static Proposal of(List<Reason> reasons) {
		if (reasons.stream().anyMatch(r -> r.severity() == Severity.ABSOLUTE)) {
			return new Proposal(Outcome.DECLINED, reasons);
		}
		return new Proposal(reasons.isEmpty() ? Outcome.CLEARED : Outcome.NEEDS_REVIEW, reasons);
	}
}
