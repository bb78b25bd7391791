package clinic.session.records;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;
import clinic.session.monitoring.Alert;
import clinic.session.monitoring.Breach;
import clinic.session.monitoring.Phase;
import clinic.session.monitoring.VitalSign;
import clinic.session.monitoring.VitalsReading;

/** A reading crossed a monitoring threshold and raised an alert. */
@EventType("clinic.session.vitals-breach.v1")
public record VitalsBreachDetected(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID sessionId, UUID appointmentId, UUID alertId, Phase phase, String takenBy, List<Crossed> breaches)
		implements ClinicEvent {

	public record Crossed(VitalSign vital, int value, int limit) {
	}

	static VitalsBreachDetected of(SessionRecord record, VitalsReading reading, Alert alert) {
		return new VitalsBreachDetected(UUID.randomUUID(), record.patientId(), record.version(), reading.takenAt(),
				record.id(), record.appointmentId(), alert.id(), reading.phase(), reading.takenBy(),
				reading.breaches().stream().map(VitalsBreachDetected::crossed).toList());
	}

	private static Crossed crossed(Breach breach) {
		return new Crossed(breach.vital(), breach.value(), breach.limit());
	}
}
