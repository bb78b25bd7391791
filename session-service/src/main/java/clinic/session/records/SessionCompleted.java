package clinic.session.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.session.doseplans.Route;

@EventType("clinic.session.session-completed.v1")
public record SessionCompleted(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID sessionId, UUID appointmentId, String completedBy, Route route, BigDecimal doseMg, Integer phq9Total)
		implements ClinicEvent {

	static SessionCompleted of(SessionRecord record) {
		var completion = record.completion();
		return new SessionCompleted(UUID.randomUUID(), record.patientId(), record.version(),
				completion.completedAt(), record.id(), record.appointmentId(), completion.completedBy(),
				record.dosePlan().route(), completion.doseMg(), completion.phq9Total());
	}
}
