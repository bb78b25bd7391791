package clinic.scheduling.courses;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A decision newer than any known declined the patient: in the recording transaction, whatever keeps the patient's
 * courses closes them (an in-process event, not published on Kafka).
 */
public record EligibilityDeclined(UUID patientId, @Nullable UUID decisionId, String decidedBy,
		@Nullable String reason, Instant decidedAt) {

	/** Why the courses close, in words a nurse reads: "Eligibility declined by dr.house: Pregnancy reported". */
	public String explanation(int maxLength) {
		var text = "Eligibility declined by " + decidedBy
				+ (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
		return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
	}
}
