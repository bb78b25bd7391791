package clinic.scheduling.consultations;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.booking.AppointmentStatus;
import clinic.scheduling.resources.ConsultationSlot;

/**
 * A patient's consultation in a clinician's consultation slot: the slot's site, room, clinician and time are copied,
 * so the consultation stays whole if the slot is removed later ({@code slotId} is then null). FHIR R4 statuses.
 */
public record Consultation(UUID id, @Nullable UUID slotId, UUID patientId, UUID siteId, @Nullable UUID roomId,
		String clinician, Instant start, Instant end, AppointmentStatus status, @Nullable String cancellationReason,
		@Nullable UUID rescheduledFrom, String bookedBy, Instant bookedAt) {

	static Consultation booked(ConsultationSlot slot, UUID patientId, String by, Instant now) {
		return new Consultation(UUID.randomUUID(), slot.id(), patientId, slot.siteId(), slot.roomId(),
				slot.clinician(), slot.start(), slot.end(), AppointmentStatus.BOOKED, null, null, by, now);
	}

	/** The booked consultation that replaces this one in another slot. */
	Consultation movedTo(ConsultationSlot slot, String by, Instant now) {
		return new Consultation(UUID.randomUUID(), slot.id(), patientId, slot.siteId(), slot.roomId(),
				slot.clinician(), slot.start(), slot.end(), AppointmentStatus.BOOKED, null, id, by, now);
	}
}
