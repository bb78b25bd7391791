package clinic.session.records;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/** The nurse checked the patient in on the record; scheduling marks the appointment checked-in. */
@EventType("clinic.session.checked-in.v1")
public record CheckedIn(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt, UUID sessionId,
		UUID appointmentId, String checkedInBy) implements ClinicEvent {

	static CheckedIn of(SessionRecord record) {
		var checkIn = record.checkIn();
		return new CheckedIn(UUID.randomUUID(), record.patientId(), record.version(), checkIn.checkedInAt(),
				record.id(), record.appointmentId(), checkIn.checkedInBy());
	}
}
