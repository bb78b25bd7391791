package clinic.scheduling.agenda;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import clinic.scheduling.booking.AppointmentStatus;

/**
 * One booked time of a patient: an infusion or booster in a chair ({@code chairId}), or a consultation with a
 * clinician ({@code clinician}, in a room when the slot named one). Statuses are FHIR R4's.
 */
public record Visit(UUID id, Kind kind, UUID patientId, UUID siteId, @Nullable UUID chairId, @Nullable UUID roomId,
		@Nullable String clinician, Instant start, Instant end, AppointmentStatus status) {

	public enum Kind {
		CONSULTATION, INFUSION, BOOSTER
	}
}
