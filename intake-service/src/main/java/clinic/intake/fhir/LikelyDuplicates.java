package clinic.intake.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import clinic.intake.patients.LikelyDuplicateException;
import clinic.platform.audit.AuditedCall;
import clinic.platform.fhir.FhirErrorTranslation;

/**
 * Intake's own refusal in FHIR's words, beside the platform's (clinic.platform.fhir.FhirErrors): a likely duplicate is
 * a 409 naming each candidate (Patient/id, MRN, name, birth date) in an issue of its own, each candidate a patient of
 * the call's audit row.
 */
@Component
class LikelyDuplicates implements FhirErrorTranslation {

	@Override
	public @Nullable BaseServerResponseException translate(Throwable cause) {
		return cause instanceof LikelyDuplicateException duplicate ? duplicate(duplicate) : null;
	}

	private static BaseServerResponseException duplicate(LikelyDuplicateException duplicate) {
		var outcome = new OperationOutcome();
		outcome.addIssue()
			.setSeverity(OperationOutcome.IssueSeverity.ERROR)
			.setCode(OperationOutcome.IssueType.DUPLICATE)
			.setDiagnostics("A likely duplicate of this patient is already registered: use the existing record, or "
					+ "resend the create with the header " + PatientResources.CONFIRMED_NOT_DUPLICATE + ": true");
		for (var candidate : duplicate.candidates()) {
			AuditedCall.concerns(candidate.id());
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
				.setCode(OperationOutcome.IssueType.DUPLICATE)
				.setDiagnostics("Patient/" + candidate.id() + " " + candidate.mrn() + " " + candidate.fullName()
						+ ", born " + candidate.birthDate());
		}
		return new ResourceVersionConflictException(duplicate.getMessage(), outcome);
	}
}
