package clinic.intake.patients;

import java.time.Instant;
import java.util.UUID;

/** A referral or consultation request for a patient. */
public record Referral(UUID id, UUID patientId, String referringClinician, String reason, Indication indication,
		String state, Instant receivedAt) {
}
