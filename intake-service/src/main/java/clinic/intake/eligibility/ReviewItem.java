package clinic.intake.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A patient waiting for a clinician: their latest screening, with no signed decision made after it. */
public record ReviewItem(UUID patientId, String mrn, String patientName, UUID screeningId, Instant screenedAt,
		Outcome proposedOutcome, boolean urgent, List<Proposal.Reason> reasons) {
}
