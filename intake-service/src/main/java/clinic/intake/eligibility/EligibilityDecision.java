package clinic.intake.eligibility;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinician's signed decision. Final and never edited; a later decision supersedes it, naming it in
 * {@code supersedesId} (null for the patient's first decision).
 */
public record EligibilityDecision(UUID id, UUID patientId, UUID screeningId, Outcome outcome, String reason,
		DosePlan dosePlan, String decidedBy, Instant decidedAt, UUID supersedesId) {
}
