package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

/** An adverse event in the session, graded; every one is published (clinic.session.adverse-event-reported.v1). */
public record AdverseEvent(UUID id, AdverseEventGrade grade, String description, String reportedBy,
		Instant reportedAt) {
}
