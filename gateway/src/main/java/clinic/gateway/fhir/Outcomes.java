package clinic.gateway.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;

/** The gateway's own OperationOutcomes: one error issue saying what is wrong. */
final class Outcomes {

	private Outcomes() {
	}

	static OperationOutcome of(OperationOutcome.IssueType type, String diagnostics) {
		var outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(type)
			.setDiagnostics(diagnostics);
		return outcome;
	}
}
