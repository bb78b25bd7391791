package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

/** A booked appointment on the nurse's list, with its session record once one is open ({@code recordId}). */
public record ScheduledSession(UUID appointmentId, UUID patientId, String patientName, Instant start,
		String chairName, UUID recordId) {
}
