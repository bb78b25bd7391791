package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

@EventType("clinic.session.session-started.v1")
public record SessionStarted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID sessionId,
		UUID appointmentId, String startedBy) implements ClinicEvent {

	static SessionStarted of(SessionRecord record) {
		return new SessionStarted(UUID.randomUUID(), record.patientId(), record.version(), record.openedAt(),
				record.id(), record.appointmentId(), record.openedBy());
	}
}
