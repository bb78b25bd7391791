package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/**
 * The patient did not come to a booked consultation; the patient has no booked consultation after it.
 * {@code aggregateVersion} is the patient's consultation version after it.
 */
@EventType("clinic.scheduling.consultation-no-show.v1")
public record ConsultationNoShow(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID consultationId, String recordedBy, String clinician, UUID siteId, String siteName, String timeZone,
		Instant start, Instant end) implements ClinicEvent {

	static ConsultationNoShow of(BookedConsultation missed, String by, Instant at, long version) {
		var c = missed.consultation();
		return new ConsultationNoShow(UUID.randomUUID(), c.patientId(), version, at, c.id(), by, c.clinician(),
				c.siteId(), missed.siteName(), missed.zone().getId(), c.start(), c.end());
	}
}
