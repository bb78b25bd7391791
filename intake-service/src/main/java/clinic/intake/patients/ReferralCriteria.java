package clinic.intake.patients;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which referrals a caller asks for: those of one patient, those in some states, or both.
 *
 * @param patientId the patient's, or null for every patient's
 * @param states the states asked for; empty for any
 */
public record ReferralCriteria(@Nullable UUID patientId, Set<ReferralState> states) {

	public ReferralCriteria {
		states = Set.copyOf(states);
	}
}
