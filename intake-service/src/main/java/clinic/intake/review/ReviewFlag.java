package clinic.intake.review;

import java.time.Instant;
import java.util.UUID;

/**
 * A reported adverse event recorded for a patient. When {@code flagsReview} it stays open in the review queue until
 * a clinician clears it ({@code clearedAt}, {@code clearedBy}, {@code clearReason}).
 */
public record ReviewFlag(UUID id, UUID patientId, String reason, AdverseEventGrade grade, boolean flagsReview,
		UUID sourceEventId, Instant raisedAt, Instant clearedAt, String clearedBy, String clearReason) {

	public boolean open() {
		return flagsReview && clearedAt == null;
	}
}
