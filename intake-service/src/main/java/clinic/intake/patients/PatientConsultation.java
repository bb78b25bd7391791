package clinic.intake.patients;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The patient's consultation as scheduling last told of it: booked (or moved: the new one), cancelled with a reason,
 * or missed. {@code timeZone} is the site's: the consultation's day and times are read there. {@code version} is
 * scheduling's count of the changes to the patient's consultations.
 */
public record PatientConsultation(UUID patientId, UUID consultationId, Status status, String clinician,
		String siteName, String timeZone, Instant start, Instant end, @Nullable String reason, long version,
		Instant updatedAt) {

	/** Where the consultation stands. */
	public enum Status {
		BOOKED, CANCELLED, NO_SHOW
	}
}
