package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/**
 * Every adverse event recorded in a session; {@code pausesCourse} says whether its grade pauses the course (this
 * service's setting): scheduling then pauses the course, and intake flags the patient for review.
 */
@EventType("clinic.session.adverse-event-reported.v1")
public record AdverseEventReported(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID sessionId, UUID appointmentId, UUID adverseEventId, AdverseEventGrade grade, String description,
		String reportedBy, boolean pausesCourse) implements ClinicEvent {

	static AdverseEventReported of(SessionRecord record, AdverseEvent event, boolean pausesCourse) {
		return new AdverseEventReported(UUID.randomUUID(), record.patientId(), record.version(), event.reportedAt(),
				record.id(), record.appointmentId(), event.id(), event.grade(), event.description(),
				event.reportedBy(), pausesCourse);
	}
}
