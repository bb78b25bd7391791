package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/** Every adverse event recorded in a session; scheduling pauses the course on a SERIOUS one, intake flags it. */
@EventType("clinic.session.adverse-event-reported.v1")
public record AdverseEventReported(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID sessionId, UUID appointmentId, UUID adverseEventId, AdverseEventGrade grade, String description,
		String reportedBy) implements ClinicEvent {

	static AdverseEventReported of(SessionRecord record, AdverseEvent event) {
		return new AdverseEventReported(UUID.randomUUID(), record.patientId(), record.version(), event.reportedAt(),
				record.id(), record.appointmentId(), event.id(), event.grade(), event.description(),
				event.reportedBy());
	}
}
