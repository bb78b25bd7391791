package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.platform.events.ClinicEvent;
import clinic.platform.events.EventType;

/**
 * A booked consultation was moved: {@code consultationId} (now cancelled, reason "rescheduled") is replaced by the
 * booked {@code newConsultationId} in another slot, given here. {@code aggregateVersion} is the patient's
 * consultation version after it.
 */
@EventType("clinic.scheduling.consultation-rescheduled.v1")
public record ConsultationRescheduled(UUID eventId, UUID patientId, long aggregateVersion, Instant occurredAt,
		UUID consultationId, UUID newConsultationId, UUID consultationSlotId, String clinician, UUID siteId,
		String siteName, String timeZone, @Nullable String roomName, Instant start, Instant end,
		String rescheduledBy) implements ClinicEvent {

	static ConsultationRescheduled of(UUID old, BookedConsultation replacement, long version) {
		var c = replacement.consultation();
		return new ConsultationRescheduled(UUID.randomUUID(), c.patientId(), version, c.bookedAt(), old, c.id(),
				c.slotId(), c.clinician(), c.siteId(), replacement.siteName(), replacement.zone().getId(),
				replacement.roomName(), c.start(), c.end(), c.bookedBy());
	}
}
