package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/**
 * A consultation was cancelled with a reason (not by a reschedule: that is consultation-rescheduled); the patient has
 * no booked consultation after it. {@code aggregateVersion} is the patient's consultation version after it.
 */
@EventType("clinic.scheduling.consultation-cancelled.v1")
public record ConsultationCancelled(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID consultationId, String reason, String cancelledBy, String clinician, UUID siteId, String siteName,
		String timeZone, Instant start, Instant end) implements ClinicEvent {

	static ConsultationCancelled of(BookedConsultation cancelled, String reason, String by, Instant at,
			long version) {
		var c = cancelled.consultation();
		return new ConsultationCancelled(UUID.randomUUID(), c.patientId(), version, at, c.id(), reason, by,
				c.clinician(), c.siteId(), cancelled.siteName(), cancelled.zone().getId(), c.start(), c.end());
	}
}
