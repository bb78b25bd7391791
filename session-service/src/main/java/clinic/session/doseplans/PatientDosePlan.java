package clinic.session.doseplans;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What session knows of a patient's latest signed eligibility decision: the dose plan when the patient was
 * cleared, none when declined. {@code aggregateVersion} is intake's patient version, kept to drop stale events.
 */
public record PatientDosePlan(UUID patientId, String patientName, UUID decisionId, DosePlan dosePlan,
		String decidedBy, Instant decidedAt, long aggregateVersion) {

	public Optional<DosePlan> plan() {
		return Optional.ofNullable(dosePlan);
	}
}
