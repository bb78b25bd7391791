package clinic.session.path;

import java.time.Instant;
import java.util.UUID;

/**
 * The patient's dosing is paused because of an adverse event of a pausing grade recorded in one of their sessions,
 * from the moment it was recorded until scheduling's resumption of the course names it.
 */
public record DosingPause(UUID adverseEventId, UUID patientId, UUID sessionId, String grade, String reportedBy,
		Instant reportedAt) {
}
