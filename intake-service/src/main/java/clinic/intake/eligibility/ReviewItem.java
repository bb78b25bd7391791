package clinic.intake.eligibility;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.intake.review.AdverseEventGrade;

/**
 * A patient waiting for a clinician: their latest screening with no signed decision made after it, and/or open
 * review flags from reported adverse events (urgent). A patient listed for flags only has no screening fields; a
 * patient intake does not hold has no MRN or name.
 */
public record ReviewItem(UUID patientId, String mrn, String patientName, UUID screeningId, Instant screenedAt,
		Outcome proposedOutcome, boolean urgent, List<Proposal.Reason> reasons, List<Flag> flags) {

	/** An open review flag: the adverse event's grade and the reason the patient was flagged. */
	public record Flag(UUID id, AdverseEventGrade grade, String reason, Instant raisedAt) {
	}
}
