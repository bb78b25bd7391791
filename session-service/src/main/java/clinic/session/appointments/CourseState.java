package clinic.session.appointments;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A course as scheduling last announced it: its status, why when paused or cancelled, since when (unknown when only a booking told it), and scheduling's
 * version of the course (the newest version wins; appointment-booked says ACTIVE, or COMPLETED for a booster, at the
 * version it carries).
 */
public record CourseState(UUID courseId, UUID patientId, CourseStatus status, @Nullable String reason,
		long aggregateVersion, @Nullable Instant changedAt) {
}
