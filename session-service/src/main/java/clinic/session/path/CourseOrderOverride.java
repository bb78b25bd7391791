package clinic.session.path;

import java.time.Instant;
import java.util.UUID;

/** A clinician's leave to give this appointment's infusion while an earlier one of its course is outstanding. */
public record CourseOrderOverride(UUID appointmentId, String reason, String overriddenBy, Instant overriddenAt) {
}
