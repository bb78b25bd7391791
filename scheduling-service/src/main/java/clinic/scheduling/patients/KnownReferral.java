package clinic.scheduling.patients;

import java.time.Instant;
import java.util.UUID;

/** A referral intake received for a patient: the reason a consultation is booked. */
public record KnownReferral(UUID id, UUID patientId, String referringClinician, String indication,
		Instant receivedAt) {
}
