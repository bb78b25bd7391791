package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/**
 * A referred patient's consultation was booked into a clinician's consultation slot at a site, whose time zone gives
 * its day. {@code aggregateVersion} is the patient's consultation version after it.
 */
@EventType("clinic.scheduling.consultation-booked.v1")
public record ConsultationBooked(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID consultationId, UUID consultationSlotId, String patientName, String clinician, UUID siteId,
		String siteName, String timeZone, @Nullable String roomName, Instant start, Instant end, String bookedBy)
		implements ClinicEvent {

	static ConsultationBooked of(BookedConsultation booked, long version) {
		var c = booked.consultation();
		return new ConsultationBooked(UUID.randomUUID(), c.patientId(), version, c.bookedAt(), c.id(), c.slotId(),
				booked.patientName(), c.clinician(), c.siteId(), booked.siteName(), booked.zone().getId(),
				booked.roomName(), c.start(), c.end(), c.bookedBy());
	}
}
